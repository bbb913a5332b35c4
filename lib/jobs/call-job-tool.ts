import { randomUUID } from "node:crypto";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { findRestServer } from "@/lib/rest/find-rest-server";
import { observeToolCall } from "@/lib/telemetry/observe-tool-call";
import { recordToolCallRow } from "@/lib/telemetry/record-tool-call-row";
import { callTool } from "@/lib/tool-calls/call-tool";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

/**
 * One tool call of a job, through the one tool-call path (replica, circuit, cache, safe retries) with the caller
 * `{kind: "job", id}`; each call gets a request-log row (source "job") and feeds the metrics like every other caller.
 * Throws AppError (not_found, unavailable, upstream_*, circuit_open) like callTool.
 */
export async function callJobTool(options: {
  jobId: string;
  serverSlug: string;
  tool: string;
  args: Record<string, unknown>;
  signal: AbortSignal;
}): Promise<{ result: CallToolResult; latencyMs: number; attempts: number; cached: boolean }> {
  const server = await findRestServer(options.serverSlug);
  const { target, tool } = await resolveToolCallTarget({ serverId: server.id, toolName: options.tool });
  let outcome: ToolCallOutcome | null = null;
  let response: Awaited<ReturnType<typeof callTool>> | null = null;
  try {
    response = await callTool({
      target,
      tool,
      args: options.args,
      caller: { kind: "job", id: options.jobId },
      signal: options.signal,
      record: (recorded) => {
        outcome = recorded;
        observeToolCall(recorded);
      },
    });
    return response;
  } finally {
    const call = outcome as ToolCallOutcome | null;
    if (call) {
      recordToolCallRow({
        requestId: randomUUID(),
        source: "job",
        serverId: call.serverId,
        serverSlug: call.slug,
        tool: call.tool,
        outcome: call,
        // A failed call always carries its code; a tool's own error answer is tool_error.
        errorCode: call.errorCode ?? (call.toolError ? "tool_error" : null),
        requestBody: { jobId: options.jobId, arguments: options.args },
        responseBody: response?.result ?? { error: call.errorMessage },
      });
    }
  }
}
