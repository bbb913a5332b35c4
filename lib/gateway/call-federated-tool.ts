import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import type { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/http/error-response";
import { observeToolCall } from "@/lib/telemetry/observe-tool-call";
import { callTool } from "@/lib/tool-calls/call-tool";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";
import { recordGatewayCall } from "./record-gateway-call";
import { resolveFederatedTool } from "./resolve-federated-tool";

/**
 * tools/call on /api/mcp for a server on the older HTTP+SSE transport, which has no session Orbit could relay the
 * call on (relayFederatedToolCall does that for Streamable HTTP servers): the federated name to its server and tool
 * (403 outside the key's tool set), then the one tool-call path through the pooled client (replica by weight,
 * circuit, cache, safe retries), with one request-log row (source "gateway", the key) per call, refusals included,
 * and the call's metrics. Nothing streams: progress and the upstream's requests to the client stay with the pool.
 */
export async function callFederatedTool(options: {
  principal: ApiKeyPrincipal;
  name: string;
  args: Record<string, unknown>;
  requestId: string;
  signal?: AbortSignal;
}): Promise<CallToolResult> {
  const { principal, name, args } = options;
  const started = performance.now();
  let resolved: Awaited<ReturnType<typeof resolveFederatedTool>> | null = null;
  let outcome: ToolCallOutcome | null = null;
  let result: CallToolResult | null = null;
  let failure: AppError | null = null;
  try {
    resolved = await resolveFederatedTool({ principal, name });
    const { target, tool } = await resolveToolCallTarget({
      serverId: resolved.serverId,
      toolName: resolved.tool,
    });
    const response = await callTool({
      target,
      tool,
      args,
      caller: { kind: "gateway", id: principal.id },
      signal: options.signal,
      record: (o) => {
        outcome = o;
        observeToolCall(o);
      },
    });
    result = response.result;
    return result;
  } catch (error) {
    failure = toAppError(error);
    throw error;
  } finally {
    recordGatewayCall({
      requestId: options.requestId,
      apiKeyId: principal.id,
      serverId: resolved?.serverId ?? null,
      serverSlug: resolved?.slug ?? null,
      // The upstream's name, as the passthrough and the metrics record it; the federated one when unresolved.
      tool: resolved?.tool ?? name,
      args,
      started,
      outcome: outcome as ToolCallOutcome | null,
      result,
      failure,
    });
  }
}
