import { SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { isAppError } from "@/lib/errors/app-error";

export type ReplicaHealthStatus = "unknown" | "healthy" | "unreachable" | "unauthorized" | "error";

// Failures below HTTP: nothing answered, or the network gave up on the way. Resets count too: a server that drops
// every connection is as unusable as one that refuses them.
const networkCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

const MAX_ERROR_LENGTH = 300;

/**
 * What a failed check says about a replica. `unauthorized` (the upstream answered 401/403) is a credentials problem,
 * so it must not count against the replica's health; `unreachable` is the network or a timeout; anything else
 * (5xx, not an MCP server, a protocol error) is `error`. The message is connectUpstream's operator-readable one with
 * the URL cut to its origin, since paths and queries may carry credentials.
 */
export function classifyHealthFailure(
  error: unknown,
  url: string,
): { status: Exclude<ReplicaHealthStatus, "unknown" | "healthy">; message: string } {
  const message = shortMessage(error, url);
  if (isAppError(error) && error.code === "upstream_timeout") return { status: "unreachable", message };
  const status = findHttpStatus(error);
  if (status === 401 || status === 403) return { status: "unauthorized", message };
  if (status === undefined && findErrorCode(error) !== undefined) return { status: "unreachable", message };
  return { status: "error", message };
}

function shortMessage(error: unknown, url: string): string {
  let text = error instanceof Error ? error.message : String(error);
  try {
    const parsed = new URL(url);
    text = text
      .split(`${parsed.origin}${parsed.pathname}`)
      .join(parsed.origin)
      .split(url)
      .join(parsed.origin);
  } catch {
    // An unparseable URL never reached the network; its text is in no message either.
  }
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function findHttpStatus(error: unknown, depth = 0): number | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  if ((error instanceof StreamableHTTPError || error instanceof SseError) && typeof error.code === "number") {
    return error.code > 0 ? error.code : undefined;
  }
  return findHttpStatus((error as { cause?: unknown }).cause, depth + 1);
}

function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && networkCodes.has(code)) return code;
  // Happy-eyeballs failures (localhost → ::1 and 127.0.0.1) arrive as an AggregateError of socket errors.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const found = findErrorCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return findErrorCode((error as { cause?: unknown }).cause, depth + 1);
}
