import { toAppError } from "@/lib/http/error-response";
import { jsonRpcErrorResponse } from "./jsonrpc-error-response";

/** What an MCP endpoint's route answers when its handler throws: the JSON-RPC error, and a log line for our bugs. */
export function mcpErrorResponse(error: unknown, requestId: string, endpoint: string): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") {
    console.error(
      JSON.stringify({ level: "error", requestId, msg: `${endpoint} request failed`, error: String(error) }),
    );
  }
  return jsonRpcErrorResponse(appError, { requestId });
}
