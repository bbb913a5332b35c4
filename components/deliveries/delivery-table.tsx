import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { DeliveryListItem } from "@/lib/integrations/to-delivery-view";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { formatTime } from "./format-time";

const columns: DataTableColumn[] = [
  { key: "received", header: "Received", sortable: true, className: "whitespace-nowrap" },
  { key: "integration", header: "Integration", sortable: true },
  { key: "event", header: "Event", sortable: true },
  { key: "status", header: "Status", sortable: true },
  { key: "attempts", header: "Attempts", sortable: true },
  { key: "route", header: "Route", sortable: true },
];

export function DeliveryTable({
  deliveries,
  showIntegration = true,
}: {
  deliveries: DeliveryListItem[];
  showIntegration?: boolean;
}) {
  return (
    <DataTable
      label="Deliveries"
      columns={showIntegration ? columns : columns.filter((column) => column.key !== "integration")}
      empty="No deliveries."
      // Pages come newest first from the server; a header sort reorders only the rows on this page.
      caption={deliveries.length > 1 ? "Sorting by a column reorders this page only." : undefined}
      rows={deliveries.map((d) => ({
        key: d.id,
        testId: `delivery-row-${d.id}`,
        sortValues: {
          received: d.receivedAt.getTime(),
          integration: d.integrationName,
          event: d.eventType,
          status: d.status,
          attempts: d.attempts,
          route: d.routeName,
        },
        cells: {
          received: (
            <>
              <Link
                href={`/deliveries/${d.id}`}
                className="text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {formatTime(d.receivedAt)}
              </Link>
              {d.replayOfId ? <span className="ml-1 text-xs text-zinc-500">(replay)</span> : null}
            </>
          ),
          integration: (
            <Link href={`/integrations/${d.integrationId}`} className="hover:underline">
              {d.integrationName}
            </Link>
          ),
          event: d.eventType ? <span className="font-mono text-xs">{d.eventType}</span> : null,
          status: (
            <>
              <DeliveryStatusBadge status={d.status} />
              {d.errorCode ? (
                <span className="ml-1 font-mono text-xs text-zinc-500">{d.errorCode}</span>
              ) : null}
            </>
          ),
          attempts: d.attempts,
          route: d.routeName,
        },
      }))}
    />
  );
}
