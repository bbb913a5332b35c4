// One error type for everything Orbit answers. Callers throw AppError with a code; the code decides the HTTP status
// and the envelope; `message` is what the client sees, `cause` stays in the logs.

export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  bad_signature: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  circuit_open: 503,
  unavailable: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  /** Seconds, for rate_limited answers (sent as Retry-After). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown>; retryAfter?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
