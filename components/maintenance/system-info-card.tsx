import { Card } from "@/components/ui/card";
import type { SystemInfo } from "@/lib/maintenance/get-system-info";

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min ${seconds % 60} s`;
}

/** The web process that rendered the page (with several instances, each answers for itself). */
export function SystemInfoCard({ info }: { info: SystemInfo }) {
  const rows: [string, string][] = [
    ["Orbit", info.version],
    ["Node.js", info.node],
    ["Platform", info.platform],
    ["Uptime", duration(info.uptimeSeconds)],
    ["Memory (RSS)", mb(info.memory.rssBytes)],
    ["Heap", `${mb(info.memory.heapUsedBytes)} of ${mb(info.memory.heapTotalBytes)}`],
    ...info.packages.map(({ name, version }): [string, string] => [name, version ?? "not found"]),
  ];
  return (
    <Card title="System">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
            <dd className="font-mono" data-testid={`system-${term}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
