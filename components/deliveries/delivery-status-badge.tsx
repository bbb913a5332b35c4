import { Badge } from "@/components/ui/card";
import type { DeliveryStatusName } from "@/lib/integrations/delivery-statuses";

const tones: Record<DeliveryStatusName, "green" | "gray" | "red" | "amber" | "indigo"> = {
  received: "indigo",
  processing: "indigo",
  retrying: "amber",
  succeeded: "green",
  failed: "red",
  dead: "red",
  unrouted: "gray",
  rejected: "red",
};

export function DeliveryStatusBadge({ status, count }: { status: DeliveryStatusName; count?: number }) {
  return <Badge tone={tones[status]}>{count === undefined ? status : `${count} ${status}`}</Badge>;
}
