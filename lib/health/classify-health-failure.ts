import { isAppError } from "@/lib/errors/app-error";
import { findSocketError } from "@/lib/http/find-socket-error";
import { findHttpStatus } from "@/lib/mcp/find-http-status";

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
  if (status === undefined && findSocketError(error, (code) => networkCodes.has(code)) !== undefined)
    return { status: "unreachable", message };
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
