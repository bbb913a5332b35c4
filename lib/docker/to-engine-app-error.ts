import { AppError } from "@/lib/errors/app-error";
import { isEngineNotFound } from "./is-engine-not-found";
import { isEngineUnreachable } from "./is-engine-unreachable";

/** An engine failure as Orbit's one error type: unreachable → 503, unknown container → 404, refused → 502. */
export function toEngineAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isEngineUnreachable(error)) {
    return new AppError("unavailable", "The container engine (DOCKER_HOST) is not reachable.", {
      cause: error,
    });
  }
  if (isEngineNotFound(error)) {
    return new AppError("not_found", "The engine no longer has this container.", { cause: error });
  }
  // The engine's own words (`container is not running`) help the operator and hold no secrets.
  const reason = (error as { json?: { message?: string } } | null)?.json?.message;
  return new AppError(
    "upstream_error",
    `The container engine refused: ${(reason ?? String(error)).slice(0, 200)}`,
    {
      cause: error,
    },
  );
}
