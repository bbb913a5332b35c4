import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { enqueueDeliveries } from "./enqueue-deliveries";

/** Longer than a queued delivery normally waits for its entry to be fetched, so the sweep rarely repeats one. */
const STRANDED_AFTER_MS = 30_000;
const SWEEP_LIMIT = 200;

/**
 * Queues deliveries the queue may not know about: received or due for a retry for a while with nothing having
 * claimed them (their entry was never written: the process died between the inbox write and the send, or the queue
 * was unreachable), and ones still "processing" under an expired lock (a sync attempt whose web process died).
 * Re-queuing one that does have a waiting entry is a no-op (one waiting entry per delivery), and a duplicate that
 * does get through finds the delivery claimed or finished and does nothing. Answers how many it queued.
 */
export async function requeueStrandedDeliveries(
  options: {
    /** Only these integrations' deliveries (tests, which share one database). */
    integrationIds?: string[];
  } = {},
): Promise<number> {
  if (options.integrationIds?.length === 0) return 0;
  const only = options.integrationIds
    ? Prisma.sql`AND "integrationId" IN (${Prisma.join(options.integrationIds)})`
    : Prisma.empty;
  const rows = await getPrisma().$queryRaw<{ id: string }[]>`
    SELECT id FROM "Delivery"
    WHERE ((status IN ('received', 'retrying')
            AND COALESCE("nextAttemptAt", "receivedAt")
              < timezone('UTC', now()) - ${STRANDED_AFTER_MS}::int * interval '1 millisecond')
        OR (status = 'processing' AND "lockedUntil" < timezone('UTC', now())))
      ${only}
    ORDER BY "receivedAt"
    LIMIT ${SWEEP_LIMIT}::int`;
  await enqueueDeliveries(rows.map((row) => ({ deliveryId: row.id })));
  return rows.length;
}
