import { formatCount, formatMs, formatRate } from "@/components/overview/overview-format";
import { Card } from "@/components/ui/card";
import type { LabelledRow } from "@/lib/overview/get-overview";

/** One breakdown (by channel, server, tool or integration): the busiest rows first. */
export function BreakdownTable({
  title,
  rows,
  empty,
}: {
  title: string;
  rows: LabelledRow[];
  empty: string;
}) {
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-zinc-500">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-zinc-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Name
                </th>
                <th scope="col" className="whitespace-nowrap py-1 pr-3 text-right">
                  Requests
                </th>
                <th scope="col" className="whitespace-nowrap py-1 pr-3 text-right">
                  Success
                </th>
                <th scope="col" className="whitespace-nowrap py-1 pr-3 text-right">
                  p95
                </th>
                <th scope="col" className="whitespace-nowrap py-1 text-right">
                  Cache hits
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {rows.map((row) => (
                <tr key={`${row.serverSlug ?? ""}/${row.key}`}>
                  <th scope="row" className="max-w-48 truncate py-1 pr-3 font-medium" title={row.label}>
                    {row.label}
                  </th>
                  <td className="whitespace-nowrap py-1 pr-3 text-right tabular-nums">
                    {formatCount(row.count)}
                  </td>
                  <td className="whitespace-nowrap py-1 pr-3 text-right tabular-nums">
                    {formatRate(row.successRate)}
                  </td>
                  <td className="whitespace-nowrap py-1 pr-3 text-right tabular-nums">
                    {formatMs(row.p95Ms)}
                  </td>
                  <td className="whitespace-nowrap py-1 text-right tabular-nums">
                    {formatRate(row.cacheHitRate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
