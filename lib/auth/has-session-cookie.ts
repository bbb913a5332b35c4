// next-auth's cookie (chunked as .0, .1… when large; __Secure- over HTTPS), as middleware.ts checks it.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/** Whether a request carries a session cookie at all: without one, a route answers 401 without asking next-auth. */
export function hasSessionCookie(headers: Headers): boolean {
  return SESSION_COOKIE.test(headers.get("cookie") ?? "");
}
