import { type Attributes, type Span, SpanStatusCode, trace } from "@opentelemetry/api";
import { isAppError } from "@/lib/errors/app-error";
import { currentRequestId } from "@/lib/telemetry/request-context";

/**
 * Runs `run` inside a span of Orbit's own, the active one for everything `run` awaits, so spans started inside nest
 * under it. The request id (from the request context) goes on as `orbit.request_id`, which is how an operator gets
 * from a client's error envelope to its trace. A throw is rethrown; it marks the span as an error unless it is a
 * refusal (an AppError below 500: a bad signature or a rate limit is the client's doing, not Orbit failing), and an
 * AppError's code goes on as `orbit.error_code` either way.
 *
 * With no tracer registered (OTEL_EXPORTER_OTLP_ENDPOINT unset), the API hands out non-recording spans: a few
 * allocations, nothing exported, nothing kept.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  run: (span: Span) => Promise<T>,
): Promise<T> {
  const requestId = currentRequestId();
  const initial = requestId === undefined ? attributes : { ...attributes, "orbit.request_id": requestId };
  return trace.getTracer("orbit").startActiveSpan(name, { attributes: initial }, async (span) => {
    try {
      return await run(span);
    } catch (error) {
      if (isAppError(error)) span.setAttribute("orbit.error_code", error.code);
      if (!isAppError(error) || error.status >= 500) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : undefined,
        });
      }
      throw error;
    } finally {
      span.end();
    }
  });
}
