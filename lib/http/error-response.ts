import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/telemetry/log";

/** Turns anything thrown into Orbit's one error envelope; internals (with their stack) are logged, never sent. */
export function errorResponse(error: unknown, requestId: string = randomUUID()): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") {
    log.error("unhandled error", { requestId, error });
  }
  const headers = new Headers({ "content-type": "application/json", "x-request-id": requestId });
  if (appError.retryAfter !== undefined) headers.set("retry-after", String(Math.ceil(appError.retryAfter)));
  const body = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details ? { details: appError.details } : {}),
    },
    requestId,
  };
  return new Response(JSON.stringify(body), { status: appError.status, headers });
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    return new AppError("unprocessable", "The request does not match the expected shape.", {
      details: { issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}
