import Link from "next/link";
import { formatTime } from "@/components/deliveries/format-time";
import { Badge } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { RequestListItem } from "@/lib/requests/list-requests";
import { RequestStatusBadge } from "./request-status-badge";

const columns: DataTableColumn[] = [
  { key: "time", header: "Time", sortable: true, className: "whitespace-nowrap" },
  { key: "source", header: "Source", sortable: true },
  { key: "status", header: "Status", sortable: true },
  { key: "target", header: "Server / tool", sortable: true },
  { key: "caller", header: "Integration / key", sortable: true },
  { key: "latency", header: "Latency", sortable: true, align: "right" },
  { key: "attempts", header: "Attempts", sortable: true, align: "right" },
];

export function RequestTable({ requests, filtered }: { requests: RequestListItem[]; filtered: boolean }) {
  return (
    <DataTable
      label="Requests"
      columns={columns}
      caption="Sorting a column orders this page; filters above search the whole history."
      empty={
        filtered
          ? "No request matches these filters."
          : "No requests yet: webhooks and tool calls appear here."
      }
      rows={requests.map((r) => ({
        key: r.id,
        testId: `request-row-${r.id}`,
        cells: {
          time: (
            <Link
              href={`/requests/${r.id}`}
              className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {formatTime(r.createdAt)}
            </Link>
          ),
          source: r.source,
          status: (
            <span className="flex flex-wrap items-center gap-1">
              <RequestStatusBadge status={r.status} />
              {r.cached ? <Badge tone="indigo">cached</Badge> : null}
              {r.errorCode && r.errorCode !== r.status ? (
                <span className="font-mono text-xs text-zinc-500">{r.errorCode}</span>
              ) : null}
            </span>
          ),
          target:
            r.serverSlug || r.tool ? (
              <span className="font-mono text-xs">
                {r.serverSlug ?? "?"}/{r.tool ?? "?"}
              </span>
            ) : null,
          caller: r.integrationName ?? r.apiKeyName ?? (r.integrationId || r.apiKeyId ? "(deleted)" : null),
          latency: `${r.latencyMs} ms`,
          attempts: r.attempts,
        },
        sortValues: {
          time: r.createdAt.getTime(),
          source: r.source,
          status: r.status,
          target: `${r.serverSlug ?? ""}/${r.tool ?? ""}`,
          caller: r.integrationName ?? r.apiKeyName ?? null,
          latency: r.latencyMs,
          attempts: r.attempts,
        },
      }))}
    />
  );
}
