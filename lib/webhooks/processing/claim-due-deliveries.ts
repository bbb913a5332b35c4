import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { DELIVERY_LOCK_MS, type DeliveryClaim } from "@/lib/webhooks/processing/delivery-claim";

/**
 * Claims up to `limit` due deliveries, oldest first, in one statement. SKIP LOCKED lets several workers poll at once
 * without waiting on each other's rows or taking the same one; the same due condition as claimDelivery decides.
 */
export async function claimDueDeliveries(options: {
  workerId: string;
  limit: number;
  lockMs?: number;
  /** Only these integrations' deliveries (tests; later, workers dedicated to some integrations). */
  integrationIds?: string[];
}): Promise<DeliveryClaim[]> {
  const lockMs = options.lockMs ?? DELIVERY_LOCK_MS;
  // One token per batch is enough: writes match on the delivery id and the token together.
  const token = `${options.workerId}:${randomUUID()}`;
  const only = options.integrationIds
    ? Prisma.sql`AND "integrationId" IN (${Prisma.join(options.integrationIds)})`
    : Prisma.empty;
  const rows = await getPrisma().$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "Delivery"
    SET status = 'processing', attempts = attempts + 1, "lockedBy" = ${token},
        "lockedUntil" = timezone('UTC', now()) + ${lockMs}::int * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM "Delivery"
      WHERE ((status IN ('received', 'retrying')
              AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= timezone('UTC', now())))
          OR (status = 'processing' AND ("lockedUntil" IS NULL OR "lockedUntil" < timezone('UTC', now()))))
        ${only}
      ORDER BY "receivedAt"
      LIMIT ${options.limit}::int
      FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`;
  return rows.map((row) => ({ deliveryId: row.id, token, attempts: Number(row.attempts), lockMs }));
}
