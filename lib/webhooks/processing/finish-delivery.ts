import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import type { DeliveryClaim } from "@/lib/webhooks/processing/delivery-claim";
import type { DeliveryOutcome } from "@/lib/webhooks/processing/delivery-outcome";

const TERMINAL = new Set(["succeeded", "failed", "dead", "unrouted", "rejected"]);

/**
 * Writes an attempt's outcome and releases the claim, but only while the claim is still ours: if the lock expired and
 * another processor took the delivery over, this writes nothing and answers false (the other one's outcome stands).
 */
export async function finishDelivery(claim: DeliveryClaim, outcome: DeliveryOutcome): Promise<boolean> {
  const terminal = TERMINAL.has(outcome.status);
  const { count } = await getPrisma().delivery.updateMany({
    where: { id: claim.deliveryId, lockedBy: claim.token, status: "processing" },
    data: {
      status: outcome.status,
      routeId: outcome.routeId,
      result: outcome.result === null ? Prisma.DbNull : (outcome.result as Prisma.InputJsonValue),
      errorCode: outcome.errorCode,
      errorMessage: outcome.errorMessage,
      nextAttemptAt: outcome.nextAttemptAt,
      lockedBy: null,
      lockedUntil: null,
      finishedAt: terminal ? new Date() : null,
    },
  });
  return count === 1;
}
