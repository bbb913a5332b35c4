/** True for the engine's 404 (no such container): dockerode puts the HTTP status on the error. */
export function isEngineNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { statusCode?: number }).statusCode === 404;
}
