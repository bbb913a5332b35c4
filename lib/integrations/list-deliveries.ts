import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { type DeliveryStatusName, deliveryStatuses } from "./delivery-statuses";
import {
  type DeliveryListItem,
  deliveryViewInclude,
  loadRouteNames,
  toDeliveryListItem,
} from "./to-delivery-view";

export const DELIVERIES_PER_PAGE = 50;

/**
 * Deliveries, newest first, optionally of one integration and/or in one status. Pages are keyset-based on
 * (receivedAt, id), so new deliveries arriving while someone pages never shift or repeat rows.
 */
export async function listDeliveries(options: {
  actor: Actor;
  integrationId?: string;
  status?: string;
  cursor?: string;
  limit?: number;
}): Promise<{ deliveries: DeliveryListItem[]; nextCursor: string | null }> {
  assertRole(options.actor, "viewer");
  const limit = Math.min(Math.max(options.limit ?? DELIVERIES_PER_PAGE, 1), DELIVERIES_PER_PAGE);
  const where: Prisma.DeliveryWhereInput = {};
  if (options.integrationId) where.integrationId = options.integrationId;
  if (options.status) {
    if (!deliveryStatuses.includes(options.status as DeliveryStatusName)) {
      throw new AppError("bad_request", `Unknown delivery status "${options.status}".`);
    }
    where.status = options.status as DeliveryStatusName;
  }
  if (options.cursor) {
    const { receivedAt, id } = decodeCursor(options.cursor);
    where.OR = [{ receivedAt: { lt: receivedAt } }, { receivedAt, id: { lt: id } }];
  }
  const prisma = getPrisma();
  const rows = await prisma.delivery.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: deliveryViewInclude,
  });
  const page = rows.slice(0, limit);
  const routeNames = await loadRouteNames(prisma, page);
  const last = page.at(-1);
  return {
    deliveries: page.map((d) => toDeliveryListItem(d, routeNames)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.receivedAt.toISOString(), row.id])).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const receivedAt = new Date(at);
    if (typeof id !== "string" || Number.isNaN(receivedAt.getTime())) throw new Error("bad cursor");
    return { receivedAt, id };
  } catch {
    throw new AppError("bad_request", "That page link is not valid; start from the first page.");
  }
}
