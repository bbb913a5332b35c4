const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ENOENT",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

/** True when the engine could not be reached at all (as opposed to refusing what was asked of it). */
export function isEngineUnreachable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: string; message?: string };
  return (code !== undefined && CONNECTION_CODES.has(code)) || /socket hang up|aborted/i.test(message ?? "");
}
