import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { AppError } from "@/lib/errors/app-error";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";
import { checkMcpHost } from "./check-mcp-host";
import { createFederatedServer } from "./create-federated-server";

// MCP messages are small; the passthrough's limit.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The federated endpoint /api/mcp: one MCP server made of every server the API key may use. Refusals come first,
 * exactly as on the passthrough: host (403), key (401), the key's per-minute budget (429), and a key with no server
 * scope at all (403); the route turns them into JSON-RPC errors with those HTTP statuses.
 *
 * Stateless: the SDK's transport runs without sessions (no Mcp-Session-Id), with a fresh Server per request, so any
 * instance or serverless invocation can answer any request and nothing has to be shared between them. What that
 * gives up, for now: the server never speaks first. No GET stream (405), so no `notifications/*list_changed` when an
 * upstream's list changes, no log or progress notifications, and no server-to-client requests (sampling,
 * elicitation, roots) relayed from an upstream; clients that need those use the passthrough /api/mcp/{server}.
 */
export async function answerFederatedRequest(options: {
  request: Request;
  requestId: string;
}): Promise<Response> {
  const { request, requestId } = options;
  checkMcpHost(request.headers, request.url);
  const principal = await authenticateApiKey(request.headers);
  await checkRateLimit("gatewayKey", principal.id);
  if (!principal.scopes.some((scope) => scope === "mcp" || scope.startsWith("server:"))) {
    throw new AppError("forbidden", "This API key has no server scope (mcp or server:<slug>).");
  }
  if (request.method !== "POST") {
    // No session to end and no stream to open in stateless mode; the SDK client takes 405 to mean exactly that.
    return new Response(null, { status: 405, headers: { allow: "POST", "x-request-id": requestId } });
  }

  const server = createFederatedServer({ principal, requestId });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    // One JSON answer per POST: every answer is ready at once, there is nothing to stream before it.
    enableJsonResponse: true,
    maxRequestBodySize: MAX_BODY_BYTES,
  });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(request);
    response.headers.set("x-request-id", requestId);
    return response;
  } finally {
    // The JSON answer is complete once handleRequest resolves; nothing of this request outlives it.
    await server.close();
  }
}
