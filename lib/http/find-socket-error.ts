/**
 * Error codes of a socket that never got connected (refused, no such host, no route, connect timeout): the request
 * was never written, so repeating it is safe whatever it does.
 */
export const CONNECT_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * The socket error behind whatever fetch or the MCP SDK threw (`TypeError: fetch failed` keeps it down the cause
 * chain), optionally only one whose code `accept`s. Happy-eyeballs failures (localhost → ::1 and 127.0.0.1) arrive as
 * an AggregateError of socket errors, which is searched too.
 */
export function findSocketError(
  error: unknown,
  accept: (code: string) => boolean = () => true,
  depth = 0,
): { code: string; syscall?: string } | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code === "string" && /^[A-Z_]+$/.test(code) && accept(code)) {
    return { code, syscall: typeof syscall === "string" ? syscall : undefined };
  }
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const found = findSocketError(inner, accept, depth + 1);
      if (found) return found;
    }
  }
  return findSocketError((error as { cause?: unknown }).cause, accept, depth + 1);
}
