import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/get-prisma";
import { DELIVERY_LOCK_MS, type DeliveryClaim } from "@/lib/webhooks/processing/delivery-claim";

/**
 * Claims one delivery if it is due: received or retrying with its time come, or processing under a lock that has
 * expired (its processor died). One UPDATE with the condition in its WHERE, so of two processors racing for the same
 * row Postgres lets exactly one through; the other sees the new row, no longer matching, and gets null. Times are the
 * database's (UTC, like Prisma writes them), so processors with skewed clocks still agree.
 */
export async function claimDelivery(
  deliveryId: string,
  options: { workerId: string; lockMs?: number },
): Promise<DeliveryClaim | null> {
  const lockMs = options.lockMs ?? DELIVERY_LOCK_MS;
  const token = `${options.workerId}:${randomUUID()}`;
  const rows = await getPrisma().$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "Delivery"
    SET status = 'processing', attempts = attempts + 1, "lockedBy" = ${token},
        "lockedUntil" = timezone('UTC', now()) + ${lockMs}::int * interval '1 millisecond'
    WHERE id = ${deliveryId}
      AND ((status IN ('received', 'retrying')
            AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= timezone('UTC', now())))
        OR (status = 'processing' AND ("lockedUntil" IS NULL OR "lockedUntil" < timezone('UTC', now()))))
    RETURNING id, attempts`;
  const row = rows[0];
  return row ? { deliveryId: row.id, token, attempts: Number(row.attempts), lockMs } : null;
}
