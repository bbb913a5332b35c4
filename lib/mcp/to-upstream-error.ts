import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { displayOrigin, displayUrl } from "@/lib/http/display-url";
import { findSocketError } from "@/lib/http/find-socket-error";
import type { UpstreamTrace } from "./upstream-trace";

// Network failures surface as `TypeError: fetch failed` with the socket error somewhere down the cause chain.
const networkReasons: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found (DNS lookup failed)",
  EAI_NONAME: "host not found",
  ECONNRESET: "the connection was reset",
  EPIPE: "the connection was reset",
  UND_ERR_SOCKET: "the connection was closed unexpectedly",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};

/**
 * Turns whatever the SDK or fetch threw into an AppError whose message an operator can act on. Facts from the wire
 * (`trace`) win over the error's own text; the original error stays as `cause` for the logs, never in the message.
 */
export function toUpstreamError(
  error: unknown,
  context: { url: string; timeoutMs: number; trace: UpstreamTrace; deadline: AbortSignal },
): AppError {
  if (isAppError(error)) return error;
  const where = displayOrigin(context.url);
  const page = displayUrl(context.url);
  const fail = (message: string) =>
    new AppError("upstream_error", message, { cause: error, details: { url: page } });

  if (isTimeout(error, context.deadline)) {
    return new AppError("upstream_timeout", `${where} did not answer within ${context.timeoutMs} ms`, {
      cause: error,
      details: { url: page, timeoutMs: context.timeoutMs },
    });
  }

  const status = context.trace.response?.status;
  if (status === 401 || status === 403) return fail(`${where} refused our credentials (HTTP ${status})`);

  const code = (findSocketError(error) ?? findSocketError(context.trace.networkError))?.code;
  if (code) {
    if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
      return new AppError("upstream_timeout", `${where} did not answer within ${context.timeoutMs} ms`, {
        cause: error,
        details: { url: page, timeoutMs: context.timeoutMs },
      });
    }
    const reason =
      networkReasons[code] ?? (isTlsCode(code) ? `TLS failed (${code})` : `network error (${code})`);
    return fail(`Could not reach ${where}: ${reason}`);
  }

  // fetch (undici) refuses the "bad ports" of the Fetch standard (1, 25, 6000, 6666, …) before connecting.
  if (hasMessage(error, "bad port") || hasMessage(context.trace.networkError, "bad port")) {
    return fail(`Could not reach ${where}: its port is on fetch's list of blocked ports; use another port`);
  }

  if (error instanceof McpError && error.code !== ErrorCode.ConnectionClosed) {
    // A JSON-RPC error means a real MCP server answered; its message is the server's own and the operator needs it.
    return fail(
      `${where} answered with an MCP error: ${truncate(error.message.replace(/^MCP error -?\d+: /, ""))}`,
    );
  }
  if (error instanceof Error && error.message.startsWith("Server's protocol version is not supported")) {
    return fail(`${where} speaks an MCP protocol version Orbit does not support`);
  }

  if (status !== undefined) {
    if (status >= 300 && status < 400) {
      return fail(`${page} redirected elsewhere (HTTP ${status}); register the final URL instead`);
    }
    if (status >= 500) return fail(`${page} answered with a server error (HTTP ${status})`);
    return fail(`${page} answered but is not an MCP server (HTTP ${status})`);
  }
  return fail(`Could not talk to ${where}: the connection failed`);
}

function isTimeout(error: unknown, deadline: AbortSignal): boolean {
  if (deadline.aborted) return true;
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) return true;
  return error instanceof Error && error.name === "TimeoutError";
}

function hasMessage(error: unknown, message: string, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  return error.message === message || hasMessage(error.cause, message, depth + 1);
}

function isTlsCode(code: string): boolean {
  return /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code);
}

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
