import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { AppError } from "@/lib/errors/app-error";
import type { FederatedContext } from "./federated-context";
import type { FederatedMcpSession } from "./mcp-session-store";

/**
 * The federated session a request after initialize must name (Streamable HTTP: a server that hands out session ids
 * requires them): none named → 400; unknown, expired, another key's or a passthrough session → 404, which tells
 * the client to initialize again. A protocol version header this server does not speak → 400, as the SDK answers.
 */
export function requireFederatedSession(context: FederatedContext): FederatedMcpSession {
  const { request, session, principal } = context;
  if (!request.headers.get("mcp-session-id")) {
    throw new AppError("bad_request", "Missing Mcp-Session-Id header: initialize a session first.");
  }
  const version = request.headers.get("mcp-protocol-version");
  if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    throw new AppError(
      "bad_request",
      `Unsupported protocol version ${version} (supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}).`,
    );
  }
  if (!session || !("kind" in session) || session.kind !== "federated" || session.apiKeyId !== principal.id) {
    throw new AppError("not_found", "Session not found: it expired or never existed; initialize a new one.");
  }
  return session;
}
