import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { DeliveryStatusName } from "@/lib/integrations/delivery-statuses";
import type { RequestRowWithBodies } from "./find-request-rows";
import { loadRequestNames } from "./load-request-names";

export type RequestDelivery = {
  id: string;
  status: DeliveryStatusName;
  eventType: string | null;
  attempts: number;
  receivedAt: Date;
  finishedAt: Date | null;
  replayOfId: string | null;
};

/** A sibling row of the same delivery: one per processing attempt (and one per reply sent). */
export type RequestAttempt = {
  id: string;
  createdAt: Date;
  status: string;
  errorCode: string | null;
  latencyMs: number;
  attempts: number;
  cached: boolean;
};

export type RequestDetail = RequestRowWithBodies & {
  integrationName: string | null;
  apiKeyName: string | null;
  serverName: string | null;
  routeName: string | null;
  /** The webhook delivery the row came from; null for gateway/REST calls, or once the delivery was deleted. */
  delivery: RequestDelivery | null;
  /** Every row recorded for the same delivery, oldest first (this one included). */
  deliveryAttempts: RequestAttempt[];
};

export async function getRequestOrThrow(options: { actor: Actor; id: string }): Promise<RequestDetail> {
  assertRole(options.actor, "viewer");
  const prisma = getPrisma();
  const row = await prisma.requestLog.findUnique({ where: { id: options.id } });
  if (!row) throw new AppError("not_found", "No such request.");
  const [names, server, route, delivery, deliveryAttempts] = await Promise.all([
    loadRequestNames([row]),
    row.serverId ? prisma.server.findUnique({ where: { id: row.serverId }, select: { name: true } }) : null,
    row.routeId
      ? prisma.integrationRoute.findUnique({ where: { id: row.routeId }, select: { name: true } })
      : null,
    row.deliveryId
      ? prisma.delivery.findUnique({
          where: { id: row.deliveryId },
          select: {
            id: true,
            status: true,
            eventType: true,
            attempts: true,
            receivedAt: true,
            finishedAt: true,
            replayOfId: true,
          },
        })
      : null,
    // Uses the deliveryId index; a delivery has at most a handful of attempts.
    row.deliveryId
      ? prisma.requestLog.findMany({
          where: { deliveryId: row.deliveryId },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 50,
          select: {
            id: true,
            createdAt: true,
            status: true,
            errorCode: true,
            latencyMs: true,
            attempts: true,
            cached: true,
          },
        })
      : [],
  ]);
  return {
    ...row,
    integrationName: row.integrationId ? (names.integrations.get(row.integrationId) ?? null) : null,
    apiKeyName: row.apiKeyId ? (names.apiKeys.get(row.apiKeyId) ?? null) : null,
    serverName: server?.name ?? null,
    routeName: route?.name ?? null,
    delivery,
    deliveryAttempts,
  };
}
