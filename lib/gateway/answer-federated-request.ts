import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { checkIpAccess } from "@/lib/config/check-ip-access";
import { getConfig } from "@/lib/config/get-config";
import { AppError } from "@/lib/errors/app-error";
import { getClientIp } from "@/lib/http/get-client-ip";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";
import { checkMcpHost } from "./check-mcp-host";
import { endFederatedSession } from "./end-federated-session";
import type { FederatedContext } from "./federated-context";
import { type FederatedMcpSession, loadMcpSession, type McpSession } from "./mcp-session-store";
import { openFederatedStream } from "./open-federated-stream";
import { postFederatedMessages } from "./post-federated-messages";
import { requireFederatedSession } from "./require-federated-session";

// MCP messages are small; the passthrough's limit.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The federated endpoint /api/mcp: one MCP server made of every server the API key may use, speaking Streamable
 * HTTP with sessions. Refusals come first, exactly as on the passthrough: host (403), key (401), the key's
 * per-minute budget (429, every request of a session counts), and a key with no server scope at all (403); the route
 * turns them into JSON-RPC errors with those HTTP statuses.
 *
 * initialize opens a session (Mcp-Session-Id) whose record — the client's capabilities, and per server the upstream
 * session it rides on — lives in Redis, so consecutive requests may reach any instance. Every later request must
 * name it (400 without, 404 when unknown); POST carries messages (postFederatedMessages), GET opens the session's
 * stream for list_changed and what upstreams say on their own (openFederatedStream), DELETE ends it.
 */
export async function answerFederatedRequest(options: {
  request: Request;
  requestId: string;
}): Promise<Response> {
  const { request, requestId } = options;
  // Address and host before the key: a refused client learns nothing else (the configuration is in memory).
  const config = await getConfig();
  checkIpAccess(config, getClientIp(request.headers));
  checkMcpHost(request.headers, request.url, config);
  // Side by side: the session is only trusted once the key is known and owns it (requireFederatedSession).
  const sessionId = request.headers.get("mcp-session-id");
  const [principal, session] = await Promise.all([
    authenticateApiKey(request.headers),
    sessionId && sessionId.length <= 100 ? loadMcpSession<FederatedMcpSession | McpSession>(sessionId) : null,
  ]);
  // The body is read while the request is counted (it is bounded, and only a known key gets this far).
  const [, body] = await Promise.all([
    checkRateLimit("gatewayKey", principal.id),
    request.method === "POST" ? readLimitedBody(request, MAX_BODY_BYTES) : null,
  ]);
  if (!principal.scopes.some((scope) => scope === "mcp" || scope.startsWith("server:"))) {
    throw new AppError("forbidden", "This API key has no server scope (mcp or server:<slug>).");
  }
  const context: FederatedContext = { request, requestId, principal, session };

  switch (request.method) {
    case "POST":
      return postFederatedMessages(context, body ?? new Uint8Array(0));
    case "GET":
      return openFederatedStream(context, requireFederatedSession(context));
    case "DELETE":
      return endFederatedSession(context, requireFederatedSession(context));
    default:
      return new Response(null, { status: 405, headers: { allow: "GET, POST, DELETE" } });
  }
}
