/**
 * The client address for rate limits and the audit log. Orbit's own web server (lib/boot/serve-web.mjs) sets
 * X-Orbit-Client-Ip from the socket and the trusted-proxy count, overwriting anything a client sent. Without it
 * (on Vercel, whose edge overwrites X-Real-IP / X-Forwarded-For itself) the platform's header is used.
 */
export function getClientIp(headers: Pick<Headers, "get">): string {
  return (
    headers.get("x-orbit-client-ip") ||
    headers.get("x-real-ip") ||
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() ||
    "unknown"
  );
}
