/**
 * The client's address given the socket peer and X-Forwarded-For. With no trusted proxy the socket peer is the
 * client and the header is ignored (anyone can send it). With N trusted proxies, each appended the address it saw,
 * so the client is the N-th entry from the right; anything further left was written by the client itself.
 *
 * @param {{ forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number }} input
 * @returns {string}
 */
export function resolveClientIp({ forwardedFor, socketAddress, trustedProxies }) {
  const socket = normalize(socketAddress) || "unknown";
  if (trustedProxies <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return normalize(hops.at(-trustedProxies)) || socket;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normalize(address) {
  return address?.startsWith("::ffff:") ? address.slice(7) : address;
}
