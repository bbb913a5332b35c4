import type { AppError } from "@/lib/errors/app-error";
import { isSafeToRetry } from "@/lib/tool-calls/is-safe-to-retry";
import type { ToolCallTool } from "@/lib/tool-calls/tool-call-types";
import { planDeliveryRetry } from "@/lib/webhooks/processing/plan-delivery-retry";

// Problems in the route itself (no tool, a mapping that does not fit the payload): the same event fails the same
// way every time, so it ends now and waits for a fixed route and a replay.
const CONFIGURATION_CODES = new Set(["unprocessable", "bad_request", "not_found"]);

export type SettledFailure = {
  status: "failed" | "retrying" | "dead";
  nextAttemptAt: Date | null;
  errorCode: string;
  errorMessage: string;
};

/**
 * What a failed call_tool attempt leaves behind. A delivery is attempted again only when calling again is safe —
 * the same rule as the tool-call path's own retries: nothing was sent yet, or the tool's hints (or an operator's
 * override) say repeating is harmless. Otherwise it is dead at once: a payment must not be made twice because the
 * answer to the first one was lost.
 */
export function settleFailedCall(options: {
  error: AppError;
  tool: ToolCallTool | null;
  attempts: number;
  schedule: number[];
  now: Date;
  random?: () => number;
}): SettledFailure {
  const { error, tool } = options;
  const base = { errorCode: error.code, errorMessage: error.message };
  if (CONFIGURATION_CODES.has(error.code)) return { status: "failed", nextAttemptAt: null, ...base };

  const sentAttempts = Number(error.details?.attempts ?? 0);
  const neverSent = tool === null || sentAttempts === 0 || error.details?.reachedServer === false;
  if (!neverSent && tool && !isSafeToRetry(tool, { reachedServer: true })) {
    return {
      status: "dead",
      nextAttemptAt: null,
      ...base,
      errorMessage: `${error.message} Not retried: ${tool.name} is not marked idempotent and the call may have reached the server.`,
    };
  }
  const planned = planDeliveryRetry(options);
  // An open circuit says when it will let a probe through; an attempt before then would be refused unseen and use up
  // the schedule while the server recovers. So the next attempt waits at least that long.
  if (planned.status === "retrying" && error.code === "circuit_open" && error.retryAfter) {
    const reopens = options.now.getTime() + error.retryAfter * 1000;
    if (reopens > planned.nextAttemptAt.getTime()) planned.nextAttemptAt = new Date(reopens);
  }
  return { ...planned, ...base };
}
