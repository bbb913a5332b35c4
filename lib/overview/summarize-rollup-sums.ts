import { estimatePercentile } from "@/lib/overview/estimate-percentile";
import type { RollupSums } from "@/lib/overview/rollup-sums-sql";

export type RequestStats = {
  count: number;
  errors: number;
  /** Share of requests that did not fail, 0–1; null when there were none. */
  successRate: number | null;
  cacheHits: number;
  cacheHitRate: number | null;
  avgMs: number | null;
  /** Estimated from the latency histogram: exact to within the bucket the percentile falls in. */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
};

/** What a person reads off a group of rollups. */
export function summarizeRollupSums(sums: RollupSums): RequestStats {
  const { count, errors, cacheHits } = sums;
  const rate = (part: number) => (count === 0 ? null : part / count);
  const percentile = (q: number) => estimatePercentile(sums.histogram, q, sums.latencyMaxMs);
  return {
    count,
    errors,
    successRate: rate(count - errors),
    cacheHits,
    cacheHitRate: rate(cacheHits),
    avgMs: count === 0 ? null : sums.latencySumMs / count,
    p50Ms: percentile(0.5),
    p95Ms: percentile(0.95),
    p99Ms: percentile(0.99),
  };
}
