import type { FederatedContext } from "./federated-context";
import { federatedEventLog } from "./federated-event-log";
import { deleteFederatedLinks, listFederatedLinks } from "./federated-session-links";
import { loadFederatedServers } from "./load-federated-servers";
import { deleteMcpSession, type FederatedMcpSession } from "./mcp-session-store";
import { publishFederatedSessionEvent } from "./publish-federated-session-event";
import { requestOnLink } from "./request-on-link";

/**
 * DELETE /api/mcp: ends the session and every upstream session it opened (best effort: an upstream that refuses or
 * is away lets its own expire), and closes its GET stream wherever it is open. Later requests naming it get 404.
 */
export async function endFederatedSession(
  context: FederatedContext,
  session: FederatedMcpSession,
): Promise<Response> {
  const links = await listFederatedLinks(session.id);
  const servers = links.length > 0 ? await loadFederatedServers({ principal: context.principal }) : [];
  await Promise.allSettled(
    links.map(async (link) => {
      const server = servers.find((s) => s.serverId === link.serverId);
      if (!server || !link.upstreamSessionId) return;
      const response = await requestOnLink({
        server,
        link,
        method: "DELETE",
        signal: context.request.signal,
      });
      await response.body?.cancel();
    }),
  );
  await Promise.all([
    deleteFederatedLinks(session.id),
    deleteMcpSession(session.id),
    federatedEventLog.forget(session.id),
  ]);
  await publishFederatedSessionEvent({ sessionId: session.id, ended: true });
  return new Response(null, { status: 200, headers: { "x-request-id": context.requestId } });
}
