/**
 * The client address as seen by the nearest proxy. Next's server appends the socket address to X-Forwarded-For, so
 * the last entry is the one a client cannot forge; earlier entries are whatever the client claimed.
 */
export function getClientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
