import { getPrisma } from "@/lib/db/get-prisma";
import type { RollupResolution } from "@/lib/overview/overview-ranges";
import { ROLLUP_SUMS_SQL, type RollupSums } from "@/lib/overview/rollup-sums-sql";
import { summarizeRollupSums } from "@/lib/overview/summarize-rollup-sums";
import { toUtcTimestamp } from "@/lib/overview/to-utc-timestamp";

export type OverviewPoint = {
  /** Start of the step, ms since the epoch (UTC). */
  t: number;
  ok: number;
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
};

/**
 * One point per step from `fromMs` (aligned to the step) to `toMs`, rollups summed in SQL with date_bin; steps
 * without traffic are filled with zeros, so the chart's axis is the same whatever happened.
 */
export async function queryOverviewSeries(options: {
  resolution: RollupResolution;
  fromMs: number;
  toMs: number;
  stepMs: number;
}): Promise<OverviewPoint[]> {
  const { resolution, fromMs, toMs, stepMs } = options;
  const rows = await getPrisma().$queryRaw<(RollupSums & { t: number })[]>`
    SELECT (extract(epoch FROM date_bin(${`${stepMs / 1000} seconds`}::interval, "bucket", TIMESTAMP '2000-01-01'))
      * 1000)::float8 AS "t", ${ROLLUP_SUMS_SQL}
    FROM "RequestRollup"
    WHERE "resolution" = ${resolution} AND "bucket" >= ${toUtcTimestamp(fromMs)}::timestamp
      AND "bucket" < ${toUtcTimestamp(toMs)}::timestamp
    GROUP BY 1
    ORDER BY 1`;
  const byStep = new Map(rows.map((row) => [row.t, row]));
  const points: OverviewPoint[] = [];
  for (let t = fromMs; t < toMs; t += stepMs) {
    const row = byStep.get(t);
    const stats = row ? summarizeRollupSums(row) : null;
    points.push({
      t,
      ok: stats ? stats.count - stats.errors : 0,
      errors: stats?.errors ?? 0,
      p50Ms: stats?.p50Ms ?? null,
      p95Ms: stats?.p95Ms ?? null,
      p99Ms: stats?.p99Ms ?? null,
    });
  }
  return points;
}
