import { toAppError } from "@/lib/http/error-response";
import { log } from "@/lib/telemetry/log";
import { jsonRpcErrorResponse } from "./jsonrpc-error-response";

/** What an MCP endpoint's route answers when its handler throws: the JSON-RPC error, and a log line for our bugs. */
export function mcpErrorResponse(error: unknown, requestId: string, endpoint: string): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") {
    log.error(`${endpoint} request failed`, { requestId, error });
  }
  return jsonRpcErrorResponse(appError, { requestId });
}
