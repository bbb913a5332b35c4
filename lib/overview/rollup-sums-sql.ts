import { Prisma } from "@/lib/db/generated/client";
import { LATENCY_BUCKETS_MS } from "@/lib/overview/latency-buckets";

/** What ROLLUP_SUMS_SQL selects for a group of rollups. */
export type RollupSums = {
  count: number;
  errors: number;
  cacheHits: number;
  latencySumMs: number;
  latencyMaxMs: number;
  histogram: number[];
};

/**
 * The select list that sums a group of request rollups, histogram included (element by element, one aggregate per
 * bucket: cheaper than unnesting every array). float8 so the driver hands back plain numbers rather than BigInts or
 * Decimals.
 */
export const ROLLUP_SUMS_SQL = Prisma.raw(`coalesce(sum("count"), 0)::float8 AS "count",
  coalesce(sum("errors"), 0)::float8 AS "errors",
  coalesce(sum("cacheHits"), 0)::float8 AS "cacheHits",
  coalesce(sum("latencySumMs"), 0)::float8 AS "latencySumMs",
  coalesce(max("latencyMaxMs"), 0)::float8 AS "latencyMaxMs",
  ARRAY[${Array.from(
    { length: LATENCY_BUCKETS_MS.length + 1 },
    (_, i) => `coalesce(sum("latencyBuckets"[${i + 1}]), 0)`,
  ).join(", ")}]::float8[] AS "histogram"`);
