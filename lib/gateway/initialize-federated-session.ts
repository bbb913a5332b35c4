import { randomBytes } from "node:crypto";
import type { FederatedContext } from "./federated-context";
import { type FederatedMcpSession, saveMcpSession } from "./mcp-session-store";
import type { JsonRpcMessage } from "./read-mcp-messages";
import { serveFederatedRequests } from "./serve-federated-requests";

/**
 * initialize on /api/mcp: the SDK's server negotiates (protocol version, capabilities) and, when it accepted, a new
 * federated session is stored with the client's initialize params — its capabilities decide which upstream requests
 * reach it, and they are replayed to open its upstream sessions — and named in Mcp-Session-Id. No upstream is
 * contacted yet: a session opens an upstream session only for a server it uses.
 */
export async function initializeFederatedSession(
  context: FederatedContext,
  initialize: JsonRpcMessage,
  parsed: unknown,
): Promise<Response> {
  const answered = await serveFederatedRequests(context, null, parsed);
  const text = await answered.text();
  const headers = new Headers(answered.headers);
  let accepted = false;
  try {
    const message = JSON.parse(text) as JsonRpcMessage;
    accepted = answered.status === 200 && message.id === initialize.id && message.result !== undefined;
  } catch {
    // Not the SDK's JSON answer: an error response, passed on as it is.
  }
  if (accepted) {
    const session: FederatedMcpSession = {
      id: randomBytes(24).toString("base64url"),
      kind: "federated",
      apiKeyId: context.principal.id,
      initializeParams: (initialize.params ?? {}) as FederatedMcpSession["initializeParams"],
    };
    // Saved before the answer leaves: the client's next request (notifications/initialized) may reach another instance.
    await saveMcpSession(session);
    headers.set("mcp-session-id", session.id);
  }
  return new Response(text, { status: answered.status, headers });
}
