import { randomUUID } from "node:crypto";
import { answerFederatedRequest } from "@/lib/gateway/answer-federated-request";
import { mcpErrorResponse } from "@/lib/gateway/mcp-error-response";
import { withRequestContext } from "@/lib/telemetry/request-context";

export const dynamic = "force-dynamic";

// The federated MCP endpoint: every server the key may use, tools named <alias>__<tool>. Decided in
// answerFederatedRequest; a refusal becomes a JSON-RPC error with the matching HTTP status (400 no session, 401 key,
// 403 scope or host, 404 unknown session, 429 limit).
async function handle(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    // Log lines and trace spans inside carry the request id (see withRequestContext).
    return await withRequestContext(requestId, () => answerFederatedRequest({ request, requestId }));
  } catch (error) {
    return mcpErrorResponse(error, requestId, "federated MCP");
  }
}

export { handle as DELETE, handle as GET, handle as POST };
