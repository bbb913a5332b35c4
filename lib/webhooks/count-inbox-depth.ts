import { getPrisma } from "@/lib/db/get-prisma";
import type { DeliveryStatusName } from "@/lib/integrations/delivery-statuses";

/** Statuses a delivery passes through before it settles; every other status is terminal. */
export const waitingDeliveryStatuses = [
  "received",
  "processing",
  "retrying",
] as const satisfies readonly DeliveryStatusName[];

export type InboxDepth = Record<(typeof waitingDeliveryStatuses)[number], number>;

/**
 * Deliveries not yet settled, by status, in one grouped COUNT (the status index covers it). Every status is present,
 * zero included, so a drained inbox reads as 0 rather than as a missing number.
 */
export async function countInboxDepth(): Promise<InboxDepth> {
  const groups = await getPrisma().delivery.groupBy({
    by: ["status"],
    where: { status: { in: [...waitingDeliveryStatuses] } },
    _count: { _all: true },
  });
  const depth: InboxDepth = { received: 0, processing: 0, retrying: 0 };
  for (const group of groups) {
    if (group.status in depth) depth[group.status as keyof InboxDepth] = group._count._all;
  }
  return depth;
}
