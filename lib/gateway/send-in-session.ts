import { type AppError, isAppError } from "@/lib/errors/app-error";
import { isUnknownSessionAnswer } from "@/lib/mcp/is-unknown-session-answer";
import { defaultCircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { replicaCircuitKey } from "@/lib/tool-calls/choose-replica";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { pickServerReplica } from "@/lib/tool-calls/pick-server-replica";
import { forwardUpstream } from "./forward-upstream";
import { type McpSession, saveMcpSession } from "./mcp-session-store";
import { openUpstreamSession } from "./open-upstream-session";
import type { RelayContext } from "./relay-context";

/**
 * Sends one request on the session's upstream session, recovering once when that session is gone (the upstream
 * answers 404 after a restart or expiry: a new upstream session is opened on the same replica) or, with `failover`,
 * when its replica cannot be reached (another replica takes the session over).
 */
export async function sendInSession(
  context: RelayContext,
  session: McpSession,
  send: (session: McpSession) => Promise<Response>,
  options: { failover: boolean } = { failover: true },
): Promise<{ response: Response; session: McpSession }> {
  let current = session;
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

/**
 * The client's request (`body` for a POST) forwarded on the session's upstream session, with sendInSession's
 * recovery: what GET, POST and tools/call on the passthrough endpoint all do.
 */
export function forwardInSession(
  context: RelayContext,
  session: McpSession,
  request: { method: "GET" | "POST"; body?: string; signal: AbortSignal; failover?: boolean },
): Promise<{ response: Response; session: McpSession }> {
  const { server } = context;
  return sendInSession(
    context,
    session,
    (s) =>
      forwardUpstream({
        method: request.method,
        url: s.replicaUrl,
        serverHeaders: server.headers,
        downstream: context.request.headers,
        sessionId: s.upstreamSessionId,
        body: request.body,
        signal: request.signal,
        timeoutMs: server.timeoutMs,
      }),
    { failover: request.failover ?? true },
  );
}

/** A new upstream session for this downstream session on its replica, replaying the client's initialize. */
async function reopenSession(context: RelayContext, session: McpSession): Promise<McpSession> {
  const reopened = await openUpstreamSession({
    server: context.server,
    replicaUrl: session.replicaUrl,
    initializeParams: session.initializeParams,
    signal: context.request.signal,
  });
  const renewed: McpSession = { ...session, ...reopened };
  await saveMcpSession(renewed);
  return renewed;
}

/**
 * Moves a session whose replica cannot be reached to another healthy one (by weight), opening an upstream session
 * there. Throws `cause` when there is no other replica to go to.
 */
export async function moveSession(
  context: RelayContext,
  session: McpSession,
  cause: AppError,
): Promise<McpSession> {
  const { server } = context;
  const deps = getToolCallDeps();
  await deps.breaker.record(
    replicaCircuitKey(server.serverId, session.replicaUrl),
    defaultCircuitPolicy,
    "failure",
  );
  // No other replica to go to (all excluded, or their circuits open): the original failure is the answer.
  const choice = await pickServerReplica(server, {
    purpose: "sessions are",
    exclude: new Set([session.replicaUrl]),
  }).catch(() => null);
  if (!choice) throw cause;
  return reopenSession(context, { ...session, replicaUrl: choice.replica.url });
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
