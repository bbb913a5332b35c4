const TILES = ["requests", "success", "p50", "p95", "p99", "cache"];
const TABLES = ["channel", "server", "tool", "integration"];

/** The overview's shape while its numbers load: the same heights as the real thing, so nothing moves when they land. */
export function OverviewSkeleton() {
  const block = "animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800";
  return (
    <div aria-busy="true" className="space-y-6">
      <p className="sr-only" role="status">
        Loading the overview…
      </p>
      <div className="h-9" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {TILES.map((tile) => (
          <div key={tile} className={`h-24 ${block}`} />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className={`h-[20.5rem] ${block}`} />
        <div className={`h-[20.5rem] ${block}`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {TABLES.map((table) => (
          <div key={table} className={`h-48 ${block}`} />
        ))}
      </div>
    </div>
  );
}
