import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { assertCanUseTool } from "@/lib/api-keys/can-use-tool";
import type { RestServer } from "@/lib/rest/find-rest-server";
import { callTool } from "@/lib/tool-calls/call-tool";
import { replicaLabels } from "@/lib/tool-calls/replica-labels";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

export type RestToolAnswer = {
  result: CallToolResult;
  /** The replica that answered (its origin), or the server slug when the answer came from the cache. */
  backend: string;
  /** Milliseconds the call took inside Orbit: cache, replica choice, retries and backoff included. */
  response_time: number;
  cached: boolean;
};

/**
 * `call_tool`: 403 unless the key may use the tool, then the one tool-call path (circuit, cache, safe retries,
 * replicas). A tool that answers `isError: true` is still a 200: the call worked and `result` says what the tool
 * said. Transport failures, timeouts and open circuits throw AppError (502/504/503).
 */
export async function callRestTool(options: {
  actor: ApiKeyPrincipal;
  server: RestServer;
  name: string;
  args: Record<string, unknown>;
  signal?: AbortSignal;
  record: (outcome: ToolCallOutcome) => void;
}): Promise<RestToolAnswer> {
  const { actor, server, name } = options;
  assertCanUseTool(actor, server.slug, name);
  const { target, tool } = await resolveToolCallTarget({ serverId: server.id, toolName: name });
  const response = await callTool({
    target,
    tool,
    args: options.args,
    caller: { kind: "rest", id: actor.id },
    signal: options.signal,
    record: options.record,
  });
  const replica = target.replicas.findIndex((r) => r.url === response.replicaUrl);
  return {
    result: response.result,
    backend: replica >= 0 ? replicaLabels(target.replicas)[replica]! : target.slug,
    response_time: response.latencyMs,
    cached: response.cached,
  };
}
