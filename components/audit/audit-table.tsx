import { formatTime } from "@/components/deliveries/format-time";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { AuditListItem } from "@/lib/audit/list-audit-entries";

const columns = [
  { key: "time", header: "Time", sortable: true, className: "whitespace-nowrap" },
  { key: "actor", header: "Actor", sortable: true },
  { key: "action", header: "Action", sortable: true },
  { key: "target", header: "Target" },
  { key: "details", header: "Details" },
  { key: "ip", header: "IP" },
];

/** One page of the audit trail; sorting re-orders only this page (the order across pages is newest first). */
export function AuditTable({ entries, filtered }: { entries: AuditListItem[]; filtered: boolean }) {
  return (
    <DataTable
      label="Audit log"
      columns={columns}
      caption="Newest first, 50 per page. Sorting applies to this page."
      empty={filtered ? "No audit entry matches these filters." : "Nothing has been changed yet."}
      rows={entries.map((entry) => {
        const details =
          entry.details === null || entry.details === undefined ? "" : JSON.stringify(entry.details);
        return {
          key: entry.id,
          testId: "audit-row",
          sortValues: { time: entry.createdAt.getTime(), actor: entry.actorLabel, action: entry.action },
          cells: {
            time: formatTime(entry.createdAt),
            actor: entry.actorLabel,
            action: <Badge tone="indigo">{entry.action}</Badge>,
            target: entry.targetType ? (
              <span>
                {entry.targetType}
                {entry.targetId ? (
                  <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">
                    {entry.targetId}
                  </span>
                ) : null}
              </span>
            ) : null,
            details: details ? (
              <code className="line-clamp-2 max-w-xs break-all text-xs" title={details}>
                {details}
              </code>
            ) : null,
            ip: entry.ip,
          },
        };
      })}
    />
  );
}
