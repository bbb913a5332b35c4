import { AppError } from "@/lib/errors/app-error";
import { jsonRpcErrorResponse } from "./jsonrpc-error-response";
import type { JsonRpcMessage } from "./read-mcp-messages";

/**
 * The tools/call of a POST, if it has one: null when it has none, the call when it is the POST's only message and a
 * request, otherwise the JSON-RPC refusal to send. Batches left MCP in 2025-06-18, and a tool call inside one (or
 * sent as a notification) would escape the one tool-call path, so both endpoints refuse them.
 */
export function singleToolCall(
  messages: JsonRpcMessage[],
  requestId: string,
): JsonRpcMessage | Response | null {
  const call = messages.find((m) => m.method === "tools/call");
  if (!call) return null;
  if (messages.length > 1 || call.id === undefined) {
    return jsonRpcErrorResponse(
      new AppError(
        "bad_request",
        "Send tools/call as a single request, not in a batch or as a notification.",
      ),
      { id: call.id ?? null, requestId },
    );
  }
  return call;
}
