import { noteUpstreamListChanged } from "@/lib/servers/note-upstream-list-changed";
import { loadToolCallTool } from "@/lib/tool-calls/load-tool-call-tool";
import { jsonRpcErrorCode } from "./jsonrpc-error-response";
import type { McpSession } from "./mcp-session-store";
import { readListChanged } from "./read-list-changed";
import type { JsonRpcMessage } from "./read-mcp-messages";
import { relayCallInSession } from "./relay-call-in-session";
import type { RelayContext } from "./relay-context";
import { passthroughLinkContext } from "./send-in-session";

/**
 * One tools/call on the passthrough endpoint: relayCallInSession on the client's own upstream session, the request
 * and every upstream message passed as they are. A `list_changed` seen on the way also refreshes the registry.
 */
export async function relayToolCall(
  context: RelayContext,
  session: McpSession,
  call: JsonRpcMessage,
  raw: string,
): Promise<Response> {
  const { requestId, principal, server } = context;
  const name = String(call.params?.name ?? "");
  const tool = await loadToolCallTool(server.serverId, name);

  return relayCallInSession({
    context: passthroughLinkContext(context, session),
    link: session,
    principal,
    requestId,
    sessionId: session.id,
    call: {
      id: call.id,
      tool,
      args: (call.params?.arguments ?? {}) as Record<string, unknown>,
      body: raw,
    },
    onMessage: (event, message) => {
      const list = readListChanged(message);
      if (list) noteUpstreamListChanged({ serverId: server.serverId, list });
      return event;
    },
    toJsonRpcError: (failure) => ({
      code: jsonRpcErrorCode(failure.code),
      message: failure.message,
      data: { code: failure.code, requestId },
    }),
  });
}
