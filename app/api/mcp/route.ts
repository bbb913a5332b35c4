import { randomUUID } from "node:crypto";
import { answerFederatedRequest } from "@/lib/gateway/answer-federated-request";
import { mcpErrorResponse } from "@/lib/gateway/mcp-error-response";

export const dynamic = "force-dynamic";

// The federated MCP endpoint: every server the key may use, tools named <alias>__<tool>. Decided in
// answerFederatedRequest; a refusal becomes a JSON-RPC error with the matching HTTP status (401, 403, 429).
async function handle(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    return await answerFederatedRequest({ request, requestId });
  } catch (error) {
    return mcpErrorResponse(error, requestId, "federated MCP");
  }
}

export { handle as DELETE, handle as GET, handle as POST };
