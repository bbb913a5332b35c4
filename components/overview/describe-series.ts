import { formatCount, formatMs, formatStep } from "@/components/overview/overview-format";
import type { OverviewPoint } from "@/lib/overview/query-overview-series";

/** The volume chart in one sentence, for screen readers (and anyone who would rather read than look). */
export function describeVolume(points: OverviewPoint[], stepMs: number, rangeLabel: string): string {
  const total = points.reduce((n, p) => n + p.ok + p.errors, 0);
  if (total === 0) return `No requests in the last ${rangeLabel}.`;
  const errors = points.reduce((n, p) => n + p.errors, 0);
  const busiest = points.reduce((best, p) => (p.ok + p.errors > best.ok + best.errors ? p : best));
  return `${formatCount(total)} requests in the last ${rangeLabel}, ${formatCount(errors)} failed. Busiest: ${formatStep(busiest.t, stepMs)} UTC with ${formatCount(busiest.ok + busiest.errors)} requests.`;
}

/** The latency chart in one sentence: where p95 peaked. */
export function describeLatency(points: OverviewPoint[], stepMs: number, rangeLabel: string): string {
  const measured = points.filter((p) => p.p95Ms !== null);
  if (measured.length === 0) return `No latency to show for the last ${rangeLabel}.`;
  const worst = measured.reduce((a, p) => ((p.p95Ms ?? 0) > (a.p95Ms ?? 0) ? p : a));
  return `Highest p95 latency in the last ${rangeLabel}: ${formatMs(worst.p95Ms)} at ${formatStep(worst.t, stepMs)} UTC (p50 ${formatMs(worst.p50Ms)}, p99 ${formatMs(worst.p99Ms)}).`;
}
