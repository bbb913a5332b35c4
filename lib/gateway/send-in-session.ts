import { type AppError, isAppError } from "@/lib/errors/app-error";
import { isUnknownSessionAnswer } from "@/lib/mcp/is-unknown-session-answer";
import { defaultCircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { replicaCircuitKey } from "@/lib/tool-calls/choose-replica";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { pickServerReplica } from "@/lib/tool-calls/pick-server-replica";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";
import { forwardUpstream } from "./forward-upstream";
import { type McpSession, saveMcpSession } from "./mcp-session-store";
import { openUpstreamSession } from "./open-upstream-session";
import type { RelayContext } from "./relay-context";
import { ownHeaders } from "./request-on-link";

/** Where one downstream session rides on one upstream server: a replica and the upstream session opened there. */
export type UpstreamLink = {
  replicaUrl: string;
  /** Null when the upstream runs stateless (it sent no Mcp-Session-Id). */
  upstreamSessionId: string | null;
  /** The version the upstream agreed to at initialize; sent on every request when Orbit speaks for itself. */
  protocolVersion?: string | null;
};

/** What forwarding on a link, and re-opening it, needs; the passthrough and the federated endpoint each make one. */
export type LinkContext<L extends UpstreamLink> = {
  server: ToolCallTarget;
  /** The client's initialize params, replayed to open a new upstream session. */
  initializeParams: unknown;
  /** The client's request: it bounds re-opening, and its MCP headers go upstream when `forwardHeaders`. */
  request: Request;
  /** Passthrough: the client's own MCP headers go upstream. Federated: Orbit's, with the link's protocol version. */
  forwardHeaders: boolean;
  /** Keeps a link whose upstream session was re-opened or moved to another replica. */
  save(link: L): Promise<void>;
};

/** The passthrough's link: the downstream session itself, saved whole. */
export function passthroughLinkContext(context: RelayContext, session: McpSession): LinkContext<McpSession> {
  return {
    server: context.server,
    initializeParams: session.initializeParams,
    request: context.request,
    forwardHeaders: true,
    save: saveMcpSession,
  };
}

/**
 * Sends one request on the link's upstream session, recovering once when that session is gone (the upstream
 * answers 404 after a restart or expiry: a new upstream session is opened on the same replica) or, with `failover`,
 * when its replica cannot be reached (another replica takes the session over).
 */
export async function sendInSession<L extends UpstreamLink>(
  context: LinkContext<L>,
  link: L,
  send: (link: L) => Promise<Response>,
  options: { failover: boolean } = { failover: true },
): Promise<{ response: Response; session: L }> {
  let current = link;
  try {
    const response = await send(current);
    if (!current.upstreamSessionId) return { response, session: current };
    const checked = await checkSessionLost(response);
    if (!checked.lost) return { response: checked.response, session: current };
    current = await reopenSession(context, current);
  } catch (error) {
    if (!options.failover || !isAppError(error) || error.details?.reachedServer !== false) throw error;
    current = await moveSession(context, current, error);
  }
  return { response: await send(current), session: current };
}

/** A request (`body` for a POST) forwarded on the link's upstream session, with sendInSession's recovery. */
export function forwardOnLink<L extends UpstreamLink>(
  context: LinkContext<L>,
  link: L,
  request: { method: "GET" | "POST"; body?: string; signal: AbortSignal; failover?: boolean },
): Promise<{ response: Response; session: L }> {
  const { server } = context;
  return sendInSession(
    context,
    link,
    (s) =>
      forwardUpstream({
        method: request.method,
        url: s.replicaUrl,
        serverHeaders: server.headers,
        ...(context.forwardHeaders
          ? { downstream: context.request.headers }
          : { extraHeaders: ownHeaders(request.method, s.protocolVersion) }),
        sessionId: s.upstreamSessionId,
        body: request.body,
        signal: request.signal,
        timeoutMs: server.timeoutMs,
      }),
    { failover: request.failover ?? true },
  );
}

/** The passthrough's form of forwardOnLink: what its GET, POST and tools/call do. */
export function forwardInSession(
  context: RelayContext,
  session: McpSession,
  request: { method: "GET" | "POST"; body?: string; signal: AbortSignal; failover?: boolean },
): Promise<{ response: Response; session: McpSession }> {
  return forwardOnLink(passthroughLinkContext(context, session), session, request);
}

/** A new upstream session for this link on its replica, replaying the client's initialize. */
async function reopenSession<L extends UpstreamLink>(context: LinkContext<L>, link: L): Promise<L> {
  const reopened = await openUpstreamSession({
    server: context.server,
    replicaUrl: link.replicaUrl,
    initializeParams: context.initializeParams,
    signal: context.request.signal,
  });
  const renewed: L = { ...link, ...reopened };
  await context.save(renewed);
  return renewed;
}

/**
 * Moves a link whose replica cannot be reached to another healthy one (by weight), opening an upstream session
 * there. Throws `cause` when there is no other replica to go to.
 */
export async function moveSession<L extends UpstreamLink>(
  context: LinkContext<L>,
  link: L,
  cause: AppError,
): Promise<L> {
  const { server } = context;
  const deps = getToolCallDeps();
  await deps.breaker.record(
    replicaCircuitKey(server.serverId, link.replicaUrl),
    defaultCircuitPolicy,
    "failure",
  );
  // No other replica to go to (all excluded, or their circuits open): the original failure is the answer.
  const choice = await pickServerReplica(server, {
    purpose: "sessions are",
    exclude: new Set([link.replicaUrl]),
  }).catch(() => null);
  if (!choice) throw cause;
  return reopenSession(context, { ...link, replicaUrl: choice.replica.url });
}

/**
 * Whether the upstream no longer knows the session (isUnknownSessionAnswer). Reading a 400's body consumes it, so a
 * 400 about something else comes back rebuilt, unchanged, for the client.
 */
async function checkSessionLost(response: Response): Promise<{ lost: boolean; response: Response }> {
  if (response.status === 404) {
    await response.body?.cancel();
    return { lost: true, response };
  }
  if (response.status !== 400) return { lost: false, response };
  const text = await response.text();
  if (isUnknownSessionAnswer(response.status, text)) return { lost: true, response };
  return {
    lost: false,
    response: new Response(text, { status: response.status, headers: response.headers }),
  };
}
