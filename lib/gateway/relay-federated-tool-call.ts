import { toAppError } from "@/lib/http/error-response";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";
import type { ToolCallTarget, ToolCallTool } from "@/lib/tool-calls/tool-call-types";
import { callFederatedTool } from "./call-federated-tool";
import type { FederatedContext } from "./federated-context";
import { federatedMessageHandler } from "./federated-message-handler";
import { linkFederatedServer } from "./link-federated-server";
import type { FederatedMcpSession } from "./mcp-session-store";
import type { JsonRpcMessage } from "./read-mcp-messages";
import { recordGatewayCall } from "./record-gateway-call";
import { relayCallInSession } from "./relay-call-in-session";
import { resolveFederatedTool } from "./resolve-federated-tool";
import { toFederatedMcpError } from "./to-federated-mcp-error";

/**
 * tools/call on /api/mcp: the federated name to its server and tool (unknown, colliding or outside the key's tool
 * set: a JSON-RPC error, recorded), then relayCallInSession on the session's upstream session for that server
 * (opened now if this is the session's first use of it), so progress, log messages and the upstream's requests to
 * the client (federatedMessageHandler) stream to the client while callTool does circuit, cache, safe retries and the
 * request log. The request goes upstream with the upstream's tool name and the client's own id and `_meta` (its
 * progress token). Servers on the older SSE transport have no session to relay on: the pooled client calls them.
 */
export async function relayFederatedToolCall(
  context: FederatedContext,
  session: FederatedMcpSession,
  call: JsonRpcMessage,
): Promise<Response> {
  const { principal, requestId, request } = context;
  const name = String(call.params?.name ?? "");
  const args = (call.params?.arguments ?? {}) as Record<string, unknown>;
  const answer = (message: Record<string, unknown>) =>
    new Response(JSON.stringify({ jsonrpc: "2.0", id: call.id, ...message }), {
      status: 200,
      headers: {
        "content-type": "application/json",
        "mcp-session-id": session.id,
        "x-request-id": requestId,
      },
    });
  const toJsonRpcError = (error: unknown) => {
    const { code, message, data } = toFederatedMcpError(error, requestId);
    return { code, message, data };
  };
  const started = performance.now();
  let resolved: Awaited<ReturnType<typeof resolveFederatedTool>> | null = null;
  // Refused before any call was made: one request-log row all the same, as for every call.
  const refuse = (error: unknown) => {
    recordGatewayCall({
      requestId,
      apiKeyId: principal.id,
      serverId: resolved?.serverId ?? null,
      serverSlug: resolved?.slug ?? null,
      tool: resolved?.tool ?? name,
      args,
      started,
      outcome: null,
      result: null,
      failure: toAppError(error),
    });
    return answer({ error: toJsonRpcError(error) });
  };

  let target: ToolCallTarget;
  let tool: ToolCallTool;
  try {
    resolved = await resolveFederatedTool({ principal, name });
    ({ target, tool } = await resolveToolCallTarget({
      serverId: resolved.serverId,
      toolName: resolved.tool,
    }));
  } catch (error) {
    return refuse(error);
  }
  if (target.transport !== "streamable_http") {
    try {
      const result = await callFederatedTool({ principal, name, args, requestId, signal: request.signal });
      return answer({ result });
    } catch (error) {
      // callFederatedTool has recorded it.
      return answer({ error: toJsonRpcError(error) });
    }
  }
  const server = { ...target, alias: resolved.alias };
  let linked: Awaited<ReturnType<typeof linkFederatedServer>>;
  try {
    linked = await linkFederatedServer({ session, server, request });
  } catch (error) {
    return refuse(error);
  }
  return relayCallInSession({
    context: linked.context,
    link: linked.link,
    principal,
    requestId,
    sessionId: session.id,
    call: {
      id: call.id,
      tool,
      args,
      body: JSON.stringify({ ...call, params: { ...call.params, name: resolved.tool } }),
    },
    onMessage: federatedMessageHandler({ session, server }),
    toJsonRpcError,
  });
}
