import { AppError } from "@/lib/errors/app-error";
import type { FederatedContext } from "./federated-context";
import { initializeFederatedSession } from "./initialize-federated-session";
import { jsonRpcErrorResponse, jsonRpcParseError } from "./jsonrpc-error-response";
import type { JsonRpcMessage } from "./read-mcp-messages";
import { relayFederatedToolCall } from "./relay-federated-tool-call";
import { requireFederatedSession } from "./require-federated-session";
import { routeFederatedResponses } from "./route-federated-responses";
import { sendToFederatedLinks } from "./send-to-federated-links";
import { serveFederatedRequests } from "./serve-federated-requests";
import { singleToolCall } from "./single-tool-call";

// Client notifications every upstream session of the federated session must hear as well.
const FOR_UPSTREAMS = new Set(["notifications/cancelled", "notifications/roots/list_changed"]);

/**
 * A POST to /api/mcp, sorted by what it carries: initialize opens a session; after that a session is required, and
 * tools/call (alone, never in a batch) streams on an upstream session, the client's answers to upstream requests go
 * back to the upstream that asked, cancellations and roots changes reach every upstream session, and the remaining
 * requests are answered at once by the SDK's server. Only notifications and answers: 202, as the spec says.
 */
export async function postFederatedMessages(context: FederatedContext, body: Uint8Array): Promise<Response> {
  const { request, requestId, principal } = context;
  const accept = request.headers.get("accept") ?? "";
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    return jsonRpcErrorResponse(
      new AppError("bad_request", "Not Acceptable: accept both application/json and text/event-stream."),
      { requestId, status: 406 },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return jsonRpcParseError(requestId);
  }
  const messages = (Array.isArray(parsed) ? parsed : [parsed]) as JsonRpcMessage[];
  if (messages.length === 0 || messages.some((m) => !m || typeof m !== "object" || m.jsonrpc !== "2.0")) {
    return jsonRpcParseError(requestId);
  }

  const initialize = messages.find((m) => m.method === "initialize");
  if (initialize) return initializeFederatedSession(context, initialize, parsed);

  const session = requireFederatedSession(context);
  const call = singleToolCall(messages, requestId);
  if (call instanceof Response) return call;
  if (call) return relayFederatedToolCall(context, session, call);

  const requests = messages.filter((m) => m.method !== undefined && m.id !== undefined);
  const answers = messages.filter((m) => m.method === undefined && m.id !== undefined);
  const notices = messages.filter((m) => m.id === undefined && FOR_UPSTREAMS.has(m.method ?? ""));
  await Promise.all([
    routeFederatedResponses({ principal, session, responses: answers }),
    ...notices.map((message) =>
      sendToFederatedLinks({ principal, session, message: message as Record<string, unknown> }),
    ),
  ]);
  if (requests.length === 0) {
    return new Response(null, {
      status: 202,
      headers: { "mcp-session-id": session.id, "x-request-id": requestId },
    });
  }
  return serveFederatedRequests(context, session, Array.isArray(parsed) ? requests : requests[0]);
}
