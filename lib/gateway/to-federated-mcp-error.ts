import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { toAppError } from "@/lib/http/error-response";
import { log } from "@/lib/telemetry/log";
import { jsonRpcErrorCode } from "./jsonrpc-error-response";

/** What the SDK's server turns into a JSON-RPC error object: `code`, `message` and `data` as they are. */
export class FederatedRequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "FederatedRequestError";
  }
}

/**
 * How a failed federated request answers inside the JSON-RPC response: an upstream's own JSON-RPC error passes
 * through as it came; Orbit's refusals and failures get the codes of jsonRpcErrorResponse (-32003 forbidden,
 * -32005 circuit open, …) with `data.code`, except an unknown tool, prompt or resource, which is -32602 (invalid
 * params) as MCP servers answer it. Internal errors are logged and reach the client without their detail.
 */
export function toFederatedMcpError(error: unknown, requestId: string): FederatedRequestError {
  if (error instanceof McpError) {
    // The SDK's client prefixed the upstream's message with "MCP error <code>: "; the downstream client adds its own.
    return new FederatedRequestError(error.code, error.message.replace(/^MCP error -?\d+: /, ""), error.data);
  }
  const appError = toAppError(error);
  if (appError.code === "internal") {
    log.error("federated MCP request failed", { requestId, error });
  }
  const code = appError.code === "not_found" ? ErrorCode.InvalidParams : jsonRpcErrorCode(appError.code);
  return new FederatedRequestError(code, appError.message, {
    code: appError.code,
    requestId,
    ...(appError.retryAfter !== undefined ? { retryAfter: appError.retryAfter } : {}),
  });
}
