/**
 * How a replica is named anywhere outside the registry (error messages, the REST facade's `backend`, metric labels):
 * scheme, host and port only. Paths and queries may carry credentials (`/mcp?token=…`, `/<key>/mcp`), so they never
 * leave. Null when the URL does not parse.
 */
export function replicaOrigin(url: string): string | null {
  try {
    const { origin } = new URL(url);
    // Non-special schemes have no origin ("null"); saying nothing is better than saying that.
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
