import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { type DeliveryStatusName, deliveryStatuses } from "@/lib/integrations/delivery-statuses";

/** A 24-hour tally such as "12 succeeded · 1 dead"; "none" when nothing arrived. */
export function DeliveryCounts({ counts }: { counts: Partial<Record<DeliveryStatusName, number>> }) {
  const present = deliveryStatuses.filter((s) => counts[s]);
  if (present.length === 0) return <span className="text-zinc-500">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {present.map((status) => (
        <DeliveryStatusBadge key={status} status={status} count={counts[status]} />
      ))}
    </span>
  );
}
