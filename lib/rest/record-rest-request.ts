import type { AppError } from "@/lib/errors/app-error";
import type { RestMcpInput } from "@/lib/rest/rest-mcp-input-schema";
import { recordRequest } from "@/lib/telemetry/record-request";
import { toRequestTimings } from "@/lib/telemetry/to-request-timings";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

/**
 * One request-log row per REST facade request from a known key, answered or refused: source "rest", the key, the
 * server and tool asked for, and the call's attempts and cache hit when a tool was called. Status reads like the
 * webhook rows: "succeeded", or "failed" with the error code ("tool_error" when the tool answered isError).
 */
export function recordRestRequest(entry: {
  requestId: string;
  apiKeyId: string;
  serverSlug: string;
  input: RestMcpInput | null;
  call: ToolCallOutcome | null;
  response: unknown;
  failure: AppError | null;
  latencyMs: number;
}): void {
  const { input, call, failure } = entry;
  const toolError = call?.toolError === true;
  recordRequest({
    requestId: entry.requestId,
    source: "rest",
    apiKeyId: entry.apiKeyId,
    serverId: call?.serverId,
    serverSlug: entry.serverSlug,
    tool: input?.method === "call_tool" ? input.params.name : null,
    status: failure || toolError ? "failed" : "succeeded",
    errorCode: failure?.code ?? (toolError ? "tool_error" : null),
    latencyMs: entry.latencyMs,
    attempts: call?.attempts,
    cached: call?.cached,
    requestBody: input ?? undefined,
    responseBody: failure ? { error: failure.message } : entry.response,
    timings: toRequestTimings({ call: call?.timings, totalMs: entry.latencyMs }),
  });
}
