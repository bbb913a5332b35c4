import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AppError } from "@/lib/errors/app-error";
import { recordRequest } from "@/lib/telemetry/record-request";
import { toRequestTimings } from "@/lib/telemetry/to-request-timings";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

/**
 * The request-log row of one gateway tools/call (passthrough or federated), refusals included: the caller's key, the
 * server and the upstream's tool name, how it ended, and what callTool reported (attempts, cache).
 */
export function recordGatewayCall(call: {
  requestId: string;
  apiKeyId: string;
  serverId: string | null;
  serverSlug: string | null;
  tool: string;
  args: unknown;
  started: number;
  outcome: ToolCallOutcome | null;
  result: CallToolResult | null;
  failure: AppError | null;
}): void {
  const toolError = call.result?.isError === true;
  const latencyMs = performance.now() - call.started;
  recordRequest({
    requestId: call.requestId,
    source: "gateway",
    apiKeyId: call.apiKeyId,
    serverId: call.serverId,
    serverSlug: call.serverSlug,
    tool: call.tool,
    status: call.failure ? "failed" : toolError ? "tool_error" : "succeeded",
    errorCode: call.failure?.code ?? (toolError ? "tool_error" : null),
    latencyMs,
    attempts: call.outcome?.attempts ?? 0,
    cached: call.outcome?.cached ?? false,
    requestBody: call.args,
    responseBody: call.failure ? { error: call.failure.message } : call.result,
    timings: toRequestTimings({ call: call.outcome?.timings, totalMs: latencyMs }),
  });
}
