import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { DeliveryStatusName } from "./delivery-statuses";
import {
  type DeliveryListItem,
  deliveryViewInclude,
  loadRouteNames,
  toDeliveryListItem,
} from "./to-delivery-view";

export type DeliveryDetail = DeliveryListItem & {
  /** As stored by the inbox: only the headers it keeps, which never include signatures' secrets. */
  headers: Record<string, string>;
  /** The platform's payload as received; shown as is (it is the sender's data, not a secret of Orbit's). */
  body: string;
  bodyBytes: number;
  sourceIp: string | null;
  requestId: string;
  deliveryKey: string;
  nextAttemptAt: Date | null;
  result: unknown;
  errorMessage: string | null;
  replays: { id: string; status: DeliveryStatusName; receivedAt: Date }[];
};

export async function getDeliveryOrThrow(options: {
  actor: Actor;
  deliveryId: string;
}): Promise<DeliveryDetail> {
  assertRole(options.actor, "viewer");
  const prisma = getPrisma();
  const delivery = await prisma.delivery.findUnique({
    where: { id: options.deliveryId },
    include: deliveryViewInclude,
  });
  if (!delivery) throw new AppError("not_found", "No such delivery.");
  const replays = await prisma.delivery.findMany({
    where: { replayOfId: delivery.id },
    orderBy: { receivedAt: "asc" },
    select: { id: true, status: true, receivedAt: true },
  });
  return {
    ...toDeliveryListItem(delivery, await loadRouteNames(prisma, [delivery])),
    headers: (delivery.headers as Record<string, string> | null) ?? {},
    body: delivery.body,
    bodyBytes: delivery.bodyBytes,
    sourceIp: delivery.sourceIp,
    requestId: delivery.requestId,
    deliveryKey: delivery.deliveryKey,
    nextAttemptAt: delivery.nextAttemptAt,
    result: delivery.result,
    errorMessage: delivery.errorMessage,
    replays,
  };
}
