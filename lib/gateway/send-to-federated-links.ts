import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { listFederatedLinks } from "./federated-session-links";
import { loadFederatedServers } from "./load-federated-servers";
import type { FederatedMcpSession } from "./mcp-session-store";
import { requestOnLink } from "./request-on-link";

/**
 * One message from the client for every upstream session the federated session has opened (cancellation, roots
 * changed, a log level), sent to all at once, best effort: an upstream that is away has nothing to be told. Servers
 * the key may no longer use are left out. Upstream sessions not opened yet get what they need when they are.
 */
export async function sendToFederatedLinks(options: {
  principal: ApiKeyPrincipal;
  session: FederatedMcpSession;
  message: Record<string, unknown>;
}): Promise<void> {
  const links = await listFederatedLinks(options.session.id);
  if (links.length === 0) return;
  const servers = await loadFederatedServers({ principal: options.principal });
  await Promise.allSettled(
    links.map(async (link) => {
      const server = servers.find((s) => s.serverId === link.serverId);
      if (!server || !link.upstreamSessionId) return;
      const response = await requestOnLink({ server, link, method: "POST", message: options.message });
      await response.body?.cancel();
    }),
  );
}
