import { randomUUID } from "node:crypto";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { AppError } from "@/lib/errors/app-error";
import { loadFederatedLink, saveFederatedLink } from "./federated-session-links";
import { findFederatedResourceOwners } from "./find-federated-resource-owners";
import { linkFederatedServer } from "./link-federated-server";
import { type FederatedServer, loadFederatedServers } from "./load-federated-servers";
import type { FederatedMcpSession } from "./mcp-session-store";
import { readMcpMessages } from "./read-mcp-messages";
import { forwardOnLink } from "./send-in-session";
import { withServerClient } from "./with-server-client";

/**
 * resources/subscribe and resources/unsubscribe on /api/mcp. The request goes to the servers the URI belongs to
 * (findFederatedResourceOwners; a URI no server lists — servers may hold resources they do not list — to every
 * server the key may use that accepts subscriptions), on the session's own upstream session with each, so the
 * upstream's `notifications/resources/updated` arrive on that upstream session's stream, which the session's GET
 * stream follows (openFederatedStream). Subscribing opens the upstream session when the session has none yet, as a
 * tool call does; unsubscribing only uses those already open. Subscribing succeeds when one server accepted;
 * otherwise the last refusal is the answer. Servers on the older SSE transport have no session to subscribe on.
 */
export async function subscribeFederatedResource(options: {
  principal: ApiKeyPrincipal;
  session: FederatedMcpSession;
  request: Request;
  uri: string;
  subscribe: boolean;
  signal?: AbortSignal;
}): Promise<Record<string, never>> {
  const { principal, session, uri, subscribe } = options;
  const owners = await findFederatedResourceOwners({ principal, uri, signal: options.signal });
  const candidates = (owners.length > 0 ? owners : await loadFederatedServers({ principal })).filter(
    (server) => server.transport === "streamable_http",
  );
  const method = subscribe ? "resources/subscribe" : "resources/unsubscribe";
  const outcomes = await Promise.allSettled(
    candidates.map(async (server) => {
      if (!subscribe && !(await loadFederatedLink(session.id, server.serverId))) return false;
      if (!(await acceptsSubscriptions(server, options.signal))) return false;
      await askOnLink({ ...options, server, method });
      return true;
    }),
  );
  // Unsubscribing is best effort: a server that is away has forgotten the subscription with its session.
  if (!subscribe) return {};
  if (outcomes.some((o) => o.status === "fulfilled" && o.value)) return {};
  const refused = outcomes.findLast((o) => o.status === "rejected");
  if (refused) throw refused.reason;
  throw new AppError("not_found", `No server this key may use accepts subscriptions to "${uri}".`);
}

function acceptsSubscriptions(server: FederatedServer, signal?: AbortSignal): Promise<boolean> {
  return withServerClient(
    server,
    async (client) => client.getServerCapabilities()?.resources?.subscribe === true,
    signal,
  );
}

/** One request on the session's upstream session with `server`, its answer's error thrown as the upstream's. */
async function askOnLink(options: {
  session: FederatedMcpSession;
  server: FederatedServer;
  request: Request;
  method: string;
  uri: string;
  signal?: AbortSignal;
}): Promise<void> {
  const { session, server, request } = options;
  const { context, link } = await linkFederatedServer({ session, server, request });
  const id = `orbit-${randomUUID()}`;
  const { response } = await forwardOnLink(context, link, {
    method: "POST",
    body: JSON.stringify({ jsonrpc: "2.0", id, method: options.method, params: { uri: options.uri } }),
    signal: options.signal ?? request.signal,
  });
  const answer = (await readMcpMessages(response).catch(() => [])).find((m) => m.id === id);
  if (answer?.error) throw new McpError(answer.error.code, answer.error.message, answer.error.data);
  if (!answer) {
    throw new AppError(
      "upstream_error",
      `${server.slug} did not answer ${options.method} (HTTP ${response.status}).`,
    );
  }
  // Remembered on the link (as it is now: the request may have re-opened it), to subscribe again on a re-opened one.
  const latest = await loadFederatedLink(session.id, server.serverId);
  if (!latest) return;
  const others = (latest.subscriptions ?? []).filter((uri) => uri !== options.uri);
  const subscriptions = options.method === "resources/subscribe" ? [...others, options.uri] : others;
  await saveFederatedLink(session.id, { ...latest, subscriptions });
}
