import { SpanStatusCode } from "@opentelemetry/api";
import { withSpan } from "@/lib/telemetry/with-span";
import { replicaOrigin } from "@/lib/tool-calls/replica-origin";
import type { ToolCallCaller, ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

type RecordOutcome = (outcome: ToolCallOutcome) => void;

/**
 * The `orbit.tool_call` span around one callTool: what was called and by whom when it starts; how it went (attempts,
 * cached, outcome, the replica's origin) from the outcome callTool records anyway, so the span and the request log
 * can never disagree. `run` gets the `record` to pass on; it feeds the span and then the caller's own.
 */
export function traceToolCall<T>(
  options: {
    target: { slug: string };
    tool: { name: string };
    caller: ToolCallCaller;
    record?: RecordOutcome;
  },
  run: (record: RecordOutcome) => Promise<T>,
): Promise<T> {
  const attributes = {
    "orbit.server": options.target.slug,
    "orbit.tool": options.tool.name,
    "orbit.caller": options.caller.kind,
  };
  return withSpan("orbit.tool_call", attributes, (span) =>
    run((outcome) => {
      const status = outcome.ok ? (outcome.toolError ? "tool_error" : "ok") : (outcome.errorCode ?? "error");
      span.setAttributes({
        // A fallback server may have answered instead of the one asked.
        "orbit.server": outcome.slug,
        "orbit.attempts": outcome.attempts,
        "orbit.cached": outcome.cached,
        "orbit.outcome": status,
        "orbit.served_by": outcome.servedBy,
        // The origin only: replica URLs may carry credentials in their path or query.
        ...(outcome.replicaUrl ? { "orbit.replica": replicaOrigin(outcome.replicaUrl) ?? "replica" } : {}),
      });
      if (!outcome.ok)
        span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.errorMessage ?? status });
      options.record?.(outcome);
    }),
  );
}
