import type { ToolCallTimings } from "@/lib/tool-calls/tool-call-types";

/**
 * A request-log row's `timings` column: the steps its path measured, in ms. Steps run one after another, so every
 * step but `attempts` (the parts of `upstreamMs`) adds up to at most `totalMs`; the rest is database work and backoff.
 */
export type RequestTimings = {
  verifyMs?: number;
  routeMs?: number;
  mapMs?: number;
  cacheMs?: number;
  attempts?: { ms: number; replica: string; outcome: string }[];
  upstreamMs?: number;
  totalMs: number;
};

/** Builds the column from what a path knows; sub-millisecond precision is kept because cache lookups are that fast. */
export function toRequestTimings(steps: {
  verifyMs?: number;
  routeMs?: number;
  mapMs?: number;
  call?: ToolCallTimings | null;
  totalMs: number;
}): RequestTimings {
  const { call } = steps;
  const attempts = call?.attempts.map((attempt) => ({ ...attempt, ms: ms(attempt.ms) }));
  const timings: RequestTimings = {
    verifyMs: optional(steps.verifyMs),
    routeMs: optional(steps.routeMs),
    mapMs: optional(steps.mapMs),
    cacheMs: optional(call?.cacheMs),
    attempts: attempts?.length ? attempts : undefined,
    upstreamMs: attempts?.length ? ms(attempts.reduce((sum, attempt) => sum + attempt.ms, 0)) : undefined,
    totalMs: 0,
  };
  // Rounding each step on its own may push their sum a hair past the rounded total; the total is never less.
  const parts = [timings.verifyMs, timings.routeMs, timings.mapMs, timings.cacheMs, timings.upstreamMs];
  timings.totalMs = Math.max(
    ms(steps.totalMs),
    ms(parts.reduce<number>((sum, part) => sum + (part ?? 0), 0)),
  );
  // Absent steps are left out of the JSON rather than stored as null.
  return JSON.parse(JSON.stringify(timings)) as RequestTimings;
}

function optional(value: number | undefined): number | undefined {
  return value === undefined ? undefined : ms(value);
}

function ms(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value * 10) / 10) : 0;
}
