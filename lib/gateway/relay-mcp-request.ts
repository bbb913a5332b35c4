import { randomBytes } from "node:crypto";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { canUseServer } from "@/lib/api-keys/can-use-server";
import { canUseTool } from "@/lib/api-keys/can-use-tool";
import { checkIpAccess } from "@/lib/config/check-ip-access";
import { getConfig } from "@/lib/config/get-config";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { getClientIp } from "@/lib/http/get-client-ip";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";
import { defaultCircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { noteUpstreamListChanged } from "@/lib/servers/note-upstream-list-changed";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { pickServerReplica } from "@/lib/tool-calls/pick-server-replica";
import { loadToolListOverrides } from "@/lib/tools/load-tool-list-overrides";
import { checkMcpHost } from "./check-mcp-host";
import { forwardUpstream } from "./forward-upstream";
import { jsonRpcErrorResponse, jsonRpcParseError } from "./jsonrpc-error-response";
import { loadGatewayServer } from "./load-gateway-server";
import { deleteMcpSession, loadMcpSession, type McpSession, saveMcpSession } from "./mcp-session-store";
import { readListChanged } from "./read-list-changed";
import type { JsonRpcMessage } from "./read-mcp-messages";
import type { RelayContext } from "./relay-context";
import { relayToolCall } from "./relay-tool-call";
import { type MessageVisitor, rewriteMcpResponse } from "./rewrite-mcp-response";
import { forwardInSession } from "./send-in-session";
import { singleToolCall } from "./single-tool-call";

// MCP messages are small; a tool's arguments larger than this are a mistake or an attack.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The passthrough endpoint /api/mcp/{server}: a Streamable HTTP relay between an MCP client and one registered
 * server, so the client sees the upstream as if it were direct — every method, notification, server-to-client
 * request (sampling, elicitation, roots), GET stream and `Last-Event-ID` resumption passes through as the upstream
 * sends it. Orbit adds what a gateway owes: the API key and its tool set (tools/list filtered, tools/call refused
 * outside it), replica choice by weight and health, the circuit breaker, and a request-log row per tool call.
 *
 * The downstream session id is Orbit's own; the upstream session it maps to lives in Redis, so the requests of one
 * session may land on any instance. An upstream session that expired, or a replica that went away, is replaced by
 * replaying the client's initialize request — the client keeps its session and never notices.
 */
export async function relayMcpRequest(options: {
  serverSlug: string;
  request: Request;
  requestId: string;
}): Promise<Response> {
  const { request, requestId, serverSlug } = options;
  // Address and host before the key: a refused client learns nothing else (the configuration is in memory).
  const config = await getConfig();
  checkIpAccess(config, getClientIp(request.headers));
  checkMcpHost(request.headers, request.url, config);
  // The key first (remembered briefly, so usually no round trip), then everything else side by side: the session and
  // the key's per-minute budget go to Redis in one write, the server comes from the same short-lived cache, and the
  // body (bounded) is read meanwhile. A server that does not exist is only reported once the key is known good, so a
  // stranger cannot probe which servers exist; whose the session is is checked once the key is known (requireSession).
  const principal = await authenticateApiKey(request.headers);
  const sessionId = request.headers.get("mcp-session-id");
  const [server, session, , body] = await Promise.all([
    loadGatewayServer(serverSlug).catch((error: unknown) => error as Error),
    sessionId && sessionId.length <= 100 ? loadMcpSession(sessionId) : null,
    // Shared with the REST facade; counted for every request of a session, streams too.
    checkRateLimit("gatewayKey", principal.id),
    request.method === "POST" ? readLimitedBody(request, MAX_BODY_BYTES) : null,
  ]);
  if (!canUseServer(principal, serverSlug)) {
    throw new AppError("forbidden", `This API key may not use the MCP server "${serverSlug}".`);
  }
  if (server instanceof Error) throw server;
  const context: RelayContext = { request, requestId, principal, server, session };

  switch (request.method) {
    case "POST":
      return relayPost(context, body ?? new Uint8Array(0));
    case "GET":
      return relayGet(context);
    case "DELETE":
      return relayDelete(context);
    default:
      return new Response(null, { status: 405, headers: { allow: "GET, POST, DELETE" } });
  }
}

async function relayPost(context: RelayContext, body: Uint8Array): Promise<Response> {
  const { request, requestId, principal, server } = context;
  const raw = new TextDecoder().decode(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return jsonRpcParseError(requestId);
  }
  const messages = (Array.isArray(parsed) ? parsed : [parsed]) as JsonRpcMessage[];
  if (messages.some((m) => !m || typeof m !== "object")) return jsonRpcParseError(requestId);

  const initialize = messages.find((m) => m.method === "initialize");
  if (initialize) return relayInitialize(context, raw, initialize);

  const session = requireSession(context);
  const calls = messages.filter((m) => m.method === "tools/call");
  for (const call of calls) {
    const tool = String(call.params?.name ?? "");
    if (!canUseTool(principal, server.slug, tool)) {
      return jsonRpcErrorResponse(
        new AppError("forbidden", `This API key may not use the tool "${tool}" on "${server.slug}".`),
        { id: call.id, requestId },
      );
    }
  }
  const call = singleToolCall(messages, requestId);
  if (call instanceof Response) return call;
  if (call) return relayToolCall(context, session, call, raw);

  const { response, session: used } = await forwardInSession(context, session, {
    method: "POST",
    body: raw,
    signal: request.signal,
  });
  // tools/list shows only the tools this key may call and the operator has not disabled, with the operator's
  // descriptions.
  const lists = new Set(messages.filter((m) => m.method === "tools/list").map((m) => m.id));
  const overrides = lists.size > 0 ? await loadToolListOverrides(server.serverId) : null;
  const visit: MessageVisitor | null = overrides
    ? (message) => {
        if (message.id === undefined || message.method || !lists.has(message.id)) return undefined;
        if (!Array.isArray(message.result?.tools)) return undefined;
        const tools = (message.result.tools as { name?: unknown; description?: unknown }[]).flatMap((t) => {
          const override = overrides.get(String(t.name));
          if (override?.disabled || !canUseTool(principal, server.slug, String(t.name))) return [];
          return override?.description ? [{ ...t, description: override.description }] : [t];
        });
        return { ...message, result: { ...message.result, tools } };
      }
    : null;
  return downstreamResponse(response, { session: used, requestId, visit });
}

async function relayInitialize(
  context: RelayContext,
  raw: string,
  initialize: JsonRpcMessage,
): Promise<Response> {
  const { request, requestId, principal, server } = context;
  const deps = getToolCallDeps();
  const tried = new Set<string>();
  for (;;) {
    const choice = await pickServerReplica(server, { purpose: "new sessions are", exclude: tried });
    tried.add(choice.replica.url);
    let response: Response;
    try {
      response = await forwardUpstream({
        method: "POST",
        url: choice.replica.url,
        serverHeaders: server.headers,
        downstream: request.headers,
        sessionId: null,
        body: raw,
        signal: request.signal,
        timeoutMs: server.timeoutMs,
      });
    } catch (error) {
      await deps.breaker.record(choice.circuitKey, defaultCircuitPolicy, "failure");
      // Never connected: another replica may take the session. Anything else is the answer.
      if (isAppError(error) && error.details?.reachedServer === false) continue;
      throw error;
    }
    await deps.breaker.record(
      choice.circuitKey,
      defaultCircuitPolicy,
      response.status >= 500 ? "failure" : "success",
    );
    if (!response.ok) return downstreamResponse(response, { requestId, visit: null });

    const session: McpSession = {
      id: randomBytes(24).toString("base64url"),
      serverId: server.serverId,
      apiKeyId: principal.id,
      replicaUrl: choice.replica.url,
      upstreamSessionId: response.headers.get("mcp-session-id"),
      initializeParams: initialize.params ?? {},
    };
    // Saved before the answer leaves: the client's next request (notifications/initialized) may reach another instance.
    await saveMcpSession(session);
    return downstreamResponse(response, { session, requestId, visit: null });
  }
}

async function relayGet(context: RelayContext): Promise<Response> {
  const { request, requestId } = context;
  const session = requireSession(context);
  const { response, session: used } = await forwardInSession(context, session, {
    method: "GET",
    signal: request.signal,
  });
  // An upstream's list_changed on its stream also refreshes the registry (and so the federated endpoint's lists).
  const visit: MessageVisitor = (message) => {
    const list = readListChanged(message);
    if (list) noteUpstreamListChanged({ serverId: context.server.serverId, list });
    return undefined;
  };
  return downstreamResponse(response, { session: used, requestId, visit });
}

async function relayDelete(context: RelayContext): Promise<Response> {
  const { request, requestId, server } = context;
  const session = requireSession(context);
  let status = 200;
  try {
    const response = await forwardUpstream({
      method: "DELETE",
      url: session.replicaUrl,
      serverHeaders: server.headers,
      downstream: request.headers,
      sessionId: session.upstreamSessionId,
      signal: request.signal,
      timeoutMs: server.timeoutMs,
    });
    await response.body?.cancel();
    // 405: the upstream does not let clients end sessions; ours ends anyway, the upstream one expires on its own.
    if (!response.ok && response.status !== 404 && response.status !== 405) status = response.status;
  } catch {
    // An unreachable upstream cannot keep the session alive either.
  }
  if (status === 200) await deleteMcpSession(session.id);
  return new Response(null, { status, headers: { "x-request-id": requestId } });
}

/** The session named by Mcp-Session-Id, owned by this key and this server; anything else is an unknown session. */
function requireSession(context: RelayContext): McpSession {
  if (!context.request.headers.get("mcp-session-id")) {
    throw new AppError("bad_request", "Missing Mcp-Session-Id header: initialize a session first.");
  }
  const { session } = context;
  // Another key's session, or another server's, is as unknown to this caller as one that never existed.
  if (!session || session.apiKeyId !== context.principal.id || session.serverId !== context.server.serverId) {
    throw new AppError("not_found", "Session not found: it expired or never existed; initialize a new one.");
  }
  return session;
}

function downstreamResponse(
  upstream: Response,
  options: { session?: McpSession; requestId: string; visit: MessageVisitor | null },
): Response {
  const headers = new Headers({ "x-request-id": options.requestId });
  for (const name of ["content-type", "cache-control", "www-authenticate"]) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (options.session) headers.set("mcp-session-id", options.session.id);
  if ((headers.get("content-type") ?? "").includes("text/event-stream")) {
    // Compression would buffer the stream; events must reach the client as they happen.
    headers.set("cache-control", "no-cache, no-transform");
    headers.set("x-accel-buffering", "no");
  }
  const body = options.visit ? rewriteMcpResponse(upstream, options.visit) : upstream.body;
  return new Response(upstream.status === 204 || upstream.status === 202 ? null : body, {
    status: upstream.status,
    headers,
  });
}
