import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createFederatedServer } from "./create-federated-server";
import type { FederatedContext } from "./federated-context";
import type { FederatedMcpSession } from "./mcp-session-store";
import { saveMcpSession } from "./mcp-session-store";
import { sendToFederatedLinks } from "./send-to-federated-links";
import { subscribeFederatedResource } from "./subscribe-federated-resource";

/**
 * The requests of a POST that are answered at once (initialize, ping, lists, reads, prompts, completion,
 * logging/setLevel, resource subscriptions), by
 * the SDK's server over its transport in stateless mode: a fresh server per request, the session being checked
 * before and kept in Redis, so any instance answers. `parsed` is the body as the client sent it, less what Orbit
 * handled itself. One JSON answer: everything here is ready at once, there is nothing to stream before it.
 */
export async function serveFederatedRequests(
  context: FederatedContext,
  session: FederatedMcpSession | null,
  parsed: unknown,
): Promise<Response> {
  const { request, requestId, principal } = context;
  const server = createFederatedServer({
    principal,
    requestId,
    setLevel: session
      ? async (level) => {
          // Remembered for upstream sessions opened later, and told to those already open.
          await saveMcpSession({ ...session, logLevel: level });
          await sendToFederatedLinks({
            principal,
            session,
            message: { jsonrpc: "2.0", id: "orbit-set-level", method: "logging/setLevel", params: { level } },
          });
        }
      : undefined,
    subscribe: session
      ? async (uri, subscribe, signal) => {
          await subscribeFederatedResource({ principal, session, request, uri, subscribe, signal });
        }
      : undefined,
  });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(request, { parsedBody: parsed });
    response.headers.set("x-request-id", requestId);
    if (session) response.headers.set("mcp-session-id", session.id);
    return response;
  } finally {
    // The JSON answer is complete once handleRequest resolves; nothing of this request outlives it.
    await server.close();
  }
}
