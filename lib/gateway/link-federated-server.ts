import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors/app-error";
import { defaultCircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { pickServerReplica } from "@/lib/tool-calls/pick-server-replica";
import { type FederatedLink, loadFederatedLink, saveFederatedLink } from "./federated-session-links";
import type { FederatedServer } from "./load-federated-servers";
import type { FederatedMcpSession } from "./mcp-session-store";
import { openUpstreamSession } from "./open-upstream-session";
import { publishFederatedSessionEvent } from "./publish-federated-session-event";
import { requestOnLink } from "./request-on-link";
import type { LinkContext } from "./send-in-session";

/**
 * The upstream session a federated session rides on for one server, opened the first time the session needs that
 * server (on a replica chosen by weight, another one if it cannot be reached) by replaying the client's initialize,
 * so the upstream sees the client's own capabilities. Kept in Redis beside the session; the context re-opens it
 * when the upstream forgets it, exactly as the passthrough does.
 */
export async function linkFederatedServer(options: {
  session: FederatedMcpSession;
  server: FederatedServer;
  request: Request;
}): Promise<{ context: LinkContext<FederatedLink>; link: FederatedLink }> {
  const { session, server, request } = options;
  const context: LinkContext<FederatedLink> = {
    server,
    initializeParams: session.initializeParams,
    request,
    forwardHeaders: false,
    save: (link) => keepLink(session, server, link),
  };
  const stored = await loadFederatedLink(session.id, server.serverId);
  if (stored) return { context, link: stored };

  const deps = getToolCallDeps();
  const tried = new Set<string>();
  for (;;) {
    const choice = await pickServerReplica(server, { purpose: "new sessions are", exclude: tried });
    tried.add(choice.replica.url);
    try {
      const opened = await openUpstreamSession({
        server,
        replicaUrl: choice.replica.url,
        initializeParams: session.initializeParams,
        signal: request.signal,
      });
      if (!choice.healthy) await deps.breaker.record(choice.circuitKey, defaultCircuitPolicy, "success");
      const link: FederatedLink = { serverId: server.serverId, replicaUrl: choice.replica.url, ...opened };
      await context.save(link);
      return { context, link };
    } catch (error) {
      // Never connected: another replica may take it. Anything else is the answer.
      if (!isAppError(error) || error.details?.reachedServer !== false) throw error;
      await deps.breaker.record(choice.circuitKey, defaultCircuitPolicy, "failure");
    }
  }
}

/**
 * Saves a new or re-opened link, gives it the client's log level and (re-opened) the client's resource subscriptions,
 * and tells the session's GET stream to follow it.
 */
async function keepLink(
  session: FederatedMcpSession,
  server: FederatedServer,
  link: FederatedLink,
): Promise<void> {
  await saveFederatedLink(session.id, link);
  const tell = async (method: string, params: Record<string, unknown>) => {
    try {
      const response = await requestOnLink({
        server,
        link,
        method: "POST",
        message: { jsonrpc: "2.0", id: `orbit-${randomUUID()}`, method, params },
      });
      await response.body?.cancel();
    } catch {
      // Best effort: the upstream keeps its default level (its log messages still arrive, only more or fewer), or
      // a subscription is lost with the upstream session that held it, as when an upstream restarts on its own.
    }
  };
  if (link.upstreamSessionId) {
    await Promise.all([
      session.logLevel ? tell("logging/setLevel", { level: session.logLevel }) : null,
      ...(link.subscriptions ?? []).map((uri) => tell("resources/subscribe", { uri })),
    ]);
  }
  await publishFederatedSessionEvent({ sessionId: session.id, serverId: server.serverId });
}
