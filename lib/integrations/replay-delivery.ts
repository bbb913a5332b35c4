import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { enqueueDeliveries } from "@/lib/webhooks/processing/enqueue-deliveries";

/**
 * Queues a delivery again as a NEW delivery (same integration, headers and body; its own key, request id and
 * history), linked to the original through replayOfId, and queued for the workers like any received delivery;
 * the original and its outcome stay untouched.
 */
export async function replayDelivery(options: {
  actor: Actor;
  deliveryId: string;
  ip?: string;
}): Promise<{ id: string; replayOfId: string }> {
  assertRole(options.actor, "operator");
  const replayed = await getPrisma().$transaction(async (tx) => {
    const original = await tx.delivery.findUnique({ where: { id: options.deliveryId } });
    if (!original) throw new AppError("not_found", "No such delivery.");
    const replay = await tx.delivery.create({
      data: {
        integrationId: original.integrationId,
        deliveryKey: `${original.deliveryKey}#replay-${randomUUID()}`,
        eventType: original.eventType,
        status: "received",
        headers: original.headers as Prisma.InputJsonValue,
        body: original.body,
        bodyBytes: original.bodyBytes,
        requestId: randomUUID(),
        nextAttemptAt: new Date(),
        replayOfId: original.id,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "delivery.replay",
      targetType: "delivery",
      targetId: replay.id,
      details: {
        replayOf: original.id,
        integrationId: original.integrationId,
        originalStatus: original.status,
      },
      ip: options.ip,
    });
    return { id: replay.id, replayOfId: original.id };
  });
  await enqueueDeliveries([{ deliveryId: replayed.id }]);
  return replayed;
}
