import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { fromFederatedRequestId } from "./federated-request-id";
import { loadFederatedLink } from "./federated-session-links";
import { loadFederatedServers } from "./load-federated-servers";
import type { FederatedMcpSession } from "./mcp-session-store";
import type { JsonRpcMessage } from "./read-mcp-messages";
import { requestOnLink } from "./request-on-link";

/**
 * The client's answers to requests an upstream sent it (sampling, elicitation, roots), each back to the upstream
 * session that asked, with the upstream's own id restored (fromFederatedRequestId). Everything needed is in the id
 * and in Redis, so the answer may land on any instance, not only the one streaming the tool call that asked. An
 * answer Orbit cannot place (not its id, a server the key lost, an upstream session gone) is dropped: the upstream's
 * own request timeout then ends what waited for it.
 */
export async function routeFederatedResponses(options: {
  principal: ApiKeyPrincipal;
  session: FederatedMcpSession;
  responses: JsonRpcMessage[];
}): Promise<void> {
  const placed = options.responses
    .map((response) => ({ response, target: fromFederatedRequestId(response.id) }))
    .filter((r) => r.target !== null);
  if (placed.length === 0) return;
  const servers = await loadFederatedServers({ principal: options.principal });
  await Promise.allSettled(
    placed.map(async ({ response, target }) => {
      const server = servers.find((s) => s.alias === target!.alias);
      const link = server && (await loadFederatedLink(options.session.id, server.serverId));
      if (!server || !link?.upstreamSessionId) return;
      const answered = await requestOnLink({
        server,
        link,
        method: "POST",
        message: { ...response, id: target!.id },
      });
      await answered.body?.cancel();
    }),
  );
}
