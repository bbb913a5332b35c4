import { createWriteBatcher } from "@/lib/queue/create-write-batcher";
import { getQueue } from "@/lib/queue/get-queue";
import { DELIVERIES_QUEUE } from "@/lib/queue/queue-definitions";
import { log } from "@/lib/telemetry/log";

type DueDelivery = { deliveryId: string; at?: Date | null };

/**
 * Tells the workers that deliveries are due: now, or at `at` (a retry). The Delivery row is already written and is
 * the truth; the queue entry is only the wake-up, keyed by the delivery id so a delivery has at most one waiting.
 * Wake-ups from concurrent webhooks share one insert (createWriteBatcher): one entry per delivery cost the intake
 * half its throughput at 16 concurrent senders (bench/webhooks). Never throws: if the queue cannot be reached the
 * delivery stays in the inbox, and the periodic sweep (requeueStrandedDeliveries) queues it within a minute.
 */
export const enqueueDeliveries: (entries: DueDelivery[]) => Promise<void> = createWriteBatcher(insertEntries);

async function insertEntries(entries: DueDelivery[]): Promise<void> {
  try {
    const queue = await getQueue();
    await queue.insert(
      entries.map(({ deliveryId, at }) => ({
        name: DELIVERIES_QUEUE,
        data: { deliveryId },
        singletonKey: deliveryId,
        ...(at ? { startAfter: at } : {}),
      })),
    );
  } catch (error) {
    log.warn("deliveries not queued; the sweep will queue them", {
      deliveries: entries.map((entry) => entry.deliveryId).slice(0, 10),
      count: entries.length,
      error,
    });
  }
}
