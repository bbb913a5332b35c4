import { z } from "zod";

/** The date_trunc units request rollups are kept at (lib/telemetry/build-rollup-upsert.ts). */
export type RollupResolution = "minute" | "hour" | "day";

/**
 * The time ranges the overview offers, each with the step of its charts and the rollup resolution it reads: the
 * coarsest one the step allows, since a quiet minute holds one rollup per request and 30 days of minutes could be as
 * many rows as the raw log. Steps keep every chart between 24 and 170 points.
 */
export const OVERVIEW_RANGES = {
  "1h": { label: "hour", durationMs: 3_600_000, stepMs: 60_000, resolution: "minute" },
  "6h": { label: "6 hours", durationMs: 6 * 3_600_000, stepMs: 5 * 60_000, resolution: "minute" },
  "24h": { label: "24 hours", durationMs: 24 * 3_600_000, stepMs: 3_600_000, resolution: "hour" },
  "7d": { label: "7 days", durationMs: 7 * 86_400_000, stepMs: 3_600_000, resolution: "hour" },
  "30d": { label: "30 days", durationMs: 30 * 86_400_000, stepMs: 86_400_000, resolution: "day" },
} as const satisfies Record<
  string,
  { label: string; durationMs: number; stepMs: number; resolution: RollupResolution }
>;

/** A `?range=` value; anything else (absent, misspelt, an array) falls back to the last hour. */
export const overviewRangeSchema = z.enum(["1h", "6h", "24h", "7d", "30d"]).catch("1h");

export type OverviewRange = z.infer<typeof overviewRangeSchema>;
