import Link from "next/link";
import type { DeliveryListItem } from "@/lib/integrations/to-delivery-view";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { formatTime } from "./format-time";

export function DeliveryTable({
  deliveries,
  showIntegration = true,
}: {
  deliveries: DeliveryListItem[];
  showIntegration?: boolean;
}) {
  if (deliveries.length === 0)
    return <p className="py-6 text-center text-sm text-zinc-500">No deliveries.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            <th className="py-2 pr-4">Received</th>
            {showIntegration ? <th className="py-2 pr-4">Integration</th> : null}
            <th className="py-2 pr-4">Event</th>
            <th className="py-2 pr-4">Status</th>
            <th className="py-2 pr-4">Attempts</th>
            <th className="py-2">Route</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {deliveries.map((d) => (
            <tr key={d.id} data-testid={`delivery-row-${d.id}`}>
              <td className="py-2 pr-4 whitespace-nowrap">
                <Link
                  href={`/deliveries/${d.id}`}
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {formatTime(d.receivedAt)}
                </Link>
                {d.replayOfId ? <span className="ml-1 text-xs text-zinc-500">(replay)</span> : null}
              </td>
              {showIntegration ? (
                <td className="py-2 pr-4">
                  <Link href={`/integrations/${d.integrationId}`} className="hover:underline">
                    {d.integrationName}
                  </Link>
                </td>
              ) : null}
              <td className="py-2 pr-4 font-mono text-xs">{d.eventType ?? "—"}</td>
              <td className="py-2 pr-4">
                <DeliveryStatusBadge status={d.status} />
                {d.errorCode ? (
                  <span className="ml-1 font-mono text-xs text-zinc-500">{d.errorCode}</span>
                ) : null}
              </td>
              <td className="py-2 pr-4">{d.attempts}</td>
              <td className="py-2">{d.routeName ?? <span className="text-zinc-500">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
