import { LATENCY_BUCKETS_MS } from "@/lib/overview/latency-buckets";

/**
 * The q-quantile (0–1) of the latencies counted in `buckets` (see LATENCY_BUCKETS_MS), interpolated linearly inside
 * the bucket it falls in, as Prometheus' histogram_quantile does. The exact answer lies in that bucket, so the error
 * is at most its width; `maxMs`, the largest latency seen, caps the open last bucket and any bucket it ends inside.
 * null when nothing was counted.
 */
export function estimatePercentile(buckets: readonly number[], q: number, maxMs: number): number | null {
  const total = buckets.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1]!;
      const upper = Math.max(lower, Math.min(LATENCY_BUCKETS_MS[i] ?? maxMs, maxMs));
      return lower + (upper - lower) * ((rank - seen) / count);
    }
    seen += count;
  }
  return maxMs;
}
