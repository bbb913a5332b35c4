import type { AppError } from "@/lib/errors/app-error";

// JSON-RPC codes for answers Orbit gives itself. -32001 is what MCP servers commonly use for "session not found";
// the others sit in the implementation-defined server range (-32000…-32099).
const codes: Record<string, number> = {
  not_found: -32001,
  unauthenticated: -32002,
  forbidden: -32003,
  rate_limited: -32004,
  circuit_open: -32005,
  upstream_error: -32006,
  upstream_timeout: -32007,
  unavailable: -32008,
  conflict: -32009,
  too_large: -32600,
  bad_request: -32600,
  unprocessable: -32602,
};

/** The JSON-RPC error code Orbit answers an AppError code with (-32603, internal, for anything unlisted). */
export function jsonRpcErrorCode(code: string): number {
  return codes[code] ?? -32603;
}

/**
 * The MCP endpoints' form of Orbit's error envelope: a JSON-RPC error with the HTTP status of the envelope's code, so
 * a client sees the same 401/403/404/429 a REST caller would, and an MCP client gets a message it can show.
 */
export function jsonRpcErrorResponse(
  error: AppError,
  options: { id?: string | number | null; requestId: string; status?: number },
): Response {
  const headers = new Headers({ "content-type": "application/json", "x-request-id": options.requestId });
  if (error.retryAfter !== undefined) headers.set("retry-after", String(Math.ceil(error.retryAfter)));
  const body = {
    jsonrpc: "2.0",
    id: options.id ?? null,
    error: {
      code: jsonRpcErrorCode(error.code),
      message: error.message,
      data: { code: error.code, requestId: options.requestId },
    },
  };
  return new Response(JSON.stringify(body), { status: options.status ?? error.status, headers });
}

/** The answer to a body that is not JSON-RPC at all: -32700 with no id, HTTP 400. */
export function jsonRpcParseError(requestId: string): Response {
  return new Response(
    JSON.stringify({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32700, message: "Parse error: the body is not JSON-RPC." },
    }),
    { status: 400, headers: { "content-type": "application/json", "x-request-id": requestId } },
  );
}
