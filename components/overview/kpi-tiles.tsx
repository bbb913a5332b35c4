import { formatCount, formatMs, formatRate } from "@/components/overview/overview-format";
import type { RequestStats } from "@/lib/overview/summarize-rollup-sums";

/** The headline numbers for the range, as a description list (term: figure) that reads well aloud. */
export function KpiTiles({ totals }: { totals: RequestStats }) {
  const tiles = [
    { term: "Requests", value: formatCount(totals.count), detail: `${formatCount(totals.errors)} failed` },
    {
      term: "Success rate",
      value: formatRate(totals.successRate),
      detail: totals.count === 0 ? "no requests" : `${formatCount(totals.count - totals.errors)} succeeded`,
      tone:
        totals.successRate === null
          ? ""
          : totals.successRate >= 0.99
            ? "text-emerald-700 dark:text-emerald-400"
            : totals.successRate >= 0.95
              ? "text-amber-700 dark:text-amber-400"
              : "text-red-700 dark:text-red-400",
    },
    { term: "Latency p50", value: formatMs(totals.p50Ms), detail: `average ${formatMs(totals.avgMs)}` },
    { term: "Latency p95", value: formatMs(totals.p95Ms), detail: "within histogram bucket" },
    { term: "Latency p99", value: formatMs(totals.p99Ms), detail: "within histogram bucket" },
    {
      term: "Cache hit rate",
      value: formatRate(totals.cacheHitRate),
      detail: `${formatCount(totals.cacheHits)} from cache`,
    },
  ];
  return (
    <section aria-label="Key figures">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {tiles.map((tile) => (
          <div
            key={tile.term}
            className="h-24 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
            data-testid={`kpi-${tile.term.toLowerCase().replaceAll(" ", "-")}`}
          >
            <dt className="text-xs font-medium uppercase text-zinc-500">{tile.term}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tile.tone ?? ""}`}>{tile.value}</dd>
            <dd className="truncate text-xs text-zinc-500">{tile.detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
