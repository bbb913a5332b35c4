import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { noteUpstreamListChanged } from "@/lib/servers/note-upstream-list-changed";
import { toFederatedRequestId } from "./federated-request-id";
import type { FederatedServer } from "./load-federated-servers";
import type { FederatedMcpSession } from "./mcp-session-store";
import { readListChanged } from "./read-list-changed";
import type { UpstreamMessageHandler } from "./relay-call-in-session";

// The client capability each server-to-client request needs (MCP's lifecycle: a server may only ask for what the
// client declared). Requests not listed here (ping) need none.
const NEEDS: Record<string, string> = {
  "sampling/createMessage": "sampling",
  "elicitation/create": "elicitation",
  "roots/list": "roots",
};

/**
 * What the federated endpoint does with a message one upstream sends its client (on a tool call's stream or the
 * upstream's own GET stream):
 * - a request to the client (sampling, elicitation, roots) goes under a federated id (federatedRequestId) when the
 *   client declared the capability, and is refused to the upstream, without troubling the client, when it did not;
 * - `list_changed` is not passed on as it is: the registry is refreshed and every federated session hears it from
 *   there, for the whole federated list (noteUpstreamListChanged);
 * - everything else (progress, log messages, resource updates) passes unchanged, without the upstream's event id:
 *   the federated streams are Orbit's own and resume nothing of the upstream's.
 */
export function federatedMessageHandler(options: {
  session: FederatedMcpSession;
  server: Pick<FederatedServer, "serverId" | "alias">;
}): UpstreamMessageHandler {
  const { session, server } = options;
  const declared = session.initializeParams.capabilities ?? {};
  return async (event, message, reply) => {
    if (!message) return null;
    const list = readListChanged(message);
    if (list) {
      noteUpstreamListChanged({ serverId: server.serverId, list });
      return null;
    }
    const isRequest =
      message.method !== undefined && (typeof message.id === "string" || typeof message.id === "number");
    if (!isRequest) return { event: event.event, data: event.data };
    const needed = NEEDS[message.method!];
    if (needed && declared[needed] === undefined) {
      await reply({
        jsonrpc: "2.0",
        id: message.id,
        error: {
          code: ErrorCode.MethodNotFound,
          message: `The client did not declare the ${needed} capability; Orbit did not pass the request on.`,
        },
      });
      return null;
    }
    const id = toFederatedRequestId(server.alias, message.id as string | number);
    return { event: event.event, data: JSON.stringify({ ...message, id }) };
  };
}
