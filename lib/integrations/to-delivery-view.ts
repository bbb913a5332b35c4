import type { Delivery } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/get-prisma";
import type { DeliveryStatusName } from "./delivery-statuses";

export type DeliveryListItem = {
  id: string;
  integrationId: string;
  integrationName: string;
  integrationSlug: string;
  status: DeliveryStatusName;
  eventType: string | null;
  attempts: number;
  receivedAt: Date;
  finishedAt: Date | null;
  routeId: string | null;
  /** The route taken; null when none was (yet), "(deleted route)" when it has since been removed. */
  routeName: string | null;
  errorCode: string | null;
  replayOfId: string | null;
};

/** Pass as `include` to delivery queries whose rows go through toDeliveryListItem. */
export const deliveryViewInclude = { integration: { select: { name: true, slug: true } } } as const;

type DeliveryRecord = Delivery & { integration: { name: string; slug: string } };

export function toDeliveryListItem(
  delivery: DeliveryRecord,
  routeNames: Map<string, string>,
): DeliveryListItem {
  return {
    id: delivery.id,
    integrationId: delivery.integrationId,
    integrationName: delivery.integration.name,
    integrationSlug: delivery.integration.slug,
    status: delivery.status,
    eventType: delivery.eventType,
    attempts: delivery.attempts,
    receivedAt: delivery.receivedAt,
    finishedAt: delivery.finishedAt,
    routeId: delivery.routeId,
    routeName: delivery.routeId ? (routeNames.get(delivery.routeId) ?? "(deleted route)") : null,
    errorCode: delivery.errorCode,
    replayOfId: delivery.replayOfId,
  };
}

/** Route ids → names for a page of deliveries (routeId is a plain column: routes can be deleted since). */
export async function loadRouteNames(
  db: DbTx,
  deliveries: { routeId: string | null }[],
): Promise<Map<string, string>> {
  const ids = [...new Set(deliveries.map((d) => d.routeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const routes = await db.integrationRoute.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(routes.map((r) => [r.id, r.name]));
}
