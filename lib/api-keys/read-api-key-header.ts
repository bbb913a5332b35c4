/** Anything with a case-insensitive `get`, as Request.headers and next/headers are. */
export type HeaderReader = { get(name: string): string | null };

/**
 * The key a request presents: `Authorization: Bearer <key>` (what MCP clients send), else `X-API-Key` (what some
 * scripts and older gateway clients send). Null when neither carries one; a non-Bearer Authorization header (Basic,
 * a session scheme) is not an API key and is ignored.
 */
export function readApiKeyHeader(headers: HeaderReader): string | null {
  const authorization = headers.get("authorization")?.trim();
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) return bearer;
  const header = headers.get("x-api-key")?.trim();
  return header ? header : null;
}
