import { randomUUID } from "node:crypto";
import { answerFederatedRequest } from "@/lib/gateway/answer-federated-request";
import { jsonRpcErrorResponse } from "@/lib/gateway/jsonrpc-error-response";
import { toAppError } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

// The federated MCP endpoint: every server the key may use, tools named <alias>__<tool>. Decided in
// answerFederatedRequest; a refusal becomes a JSON-RPC error with the matching HTTP status (401, 403, 429).
async function handle(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    return await answerFederatedRequest({ request, requestId });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "internal") {
      console.error(
        JSON.stringify({
          level: "error",
          requestId,
          msg: "federated MCP request failed",
          error: String(error),
        }),
      );
    }
    return jsonRpcErrorResponse(appError, { requestId });
  }
}

export { handle as DELETE, handle as GET, handle as POST };
