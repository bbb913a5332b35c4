import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";
import { forwardUpstream } from "./forward-upstream";
import type { UpstreamLink } from "./send-in-session";

/** The headers of a request Orbit makes on its own behalf (the federated endpoint speaks to upstreams itself). */
export function ownHeaders(method: "GET" | "POST" | "DELETE", protocolVersion?: string | null) {
  return {
    accept: method === "GET" ? "text/event-stream" : "application/json, text/event-stream",
    ...(method === "POST" ? { "content-type": "application/json" } : {}),
    ...(protocolVersion ? { "mcp-protocol-version": protocolVersion } : {}),
  };
}

/**
 * One request Orbit makes itself on a link's upstream session, as it is, with no recovery: for what concerns that
 * upstream session only (an answer to its request, a notice, its own stream, its end), where opening a new upstream
 * session would reach nobody who cares. Throws what forwardUpstream throws.
 */
export function requestOnLink(options: {
  server: Pick<ToolCallTarget, "headers" | "timeoutMs">;
  link: UpstreamLink;
  method: "GET" | "POST" | "DELETE";
  /** A JSON-RPC message (POST). */
  message?: unknown;
  signal?: AbortSignal;
}): Promise<Response> {
  const { server, link, method } = options;
  return forwardUpstream({
    method,
    url: link.replicaUrl,
    serverHeaders: server.headers,
    extraHeaders: ownHeaders(method, link.protocolVersion),
    sessionId: link.upstreamSessionId,
    body: options.message === undefined ? undefined : JSON.stringify(options.message),
    signal: options.signal,
    timeoutMs: server.timeoutMs,
  });
}
