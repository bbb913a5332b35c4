import type { Queue } from "@/lib/queue/create-queue";
import { DELIVERIES_QUEUE } from "@/lib/queue/queue-definitions";
import { type QueueConsumer, runQueueConsumer } from "@/lib/queue/run-queue-consumer";
import { observeWorker } from "@/lib/telemetry/observe-worker";
import { processDelivery } from "@/lib/webhooks/processing/process-delivery";
import type { RunDeliveryOptions } from "@/lib/webhooks/processing/run-claimed-delivery";

/**
 * The worker's webhook inbox consumer: each entry of the deliveries queue names a delivery that is due (a new async
 * one, a retry whose time has come, or one the sweep found stranded). The delivery's own claim decides whether this
 * worker runs it: an entry for a delivery that is finished, already claimed or not yet due does nothing. An attempt
 * is never abandoned half-written: stopping lets attempts in hand finish (they give up before their lock ends).
 */
export function runDeliveryConsumer(
  options: RunDeliveryOptions & {
    queue: Queue;
    workerId: string;
    /** Deliveries processed at once. */
    concurrency?: number;
    pollMs?: number;
    log?: (message: string, fields?: Record<string, unknown>) => void;
  },
): QueueConsumer {
  return runQueueConsumer<{ deliveryId: string }>({
    queue: options.queue,
    name: DELIVERIES_QUEUE,
    concurrency: options.concurrency ?? 8,
    pollMs: options.pollMs ?? 500,
    log: options.log,
    async handle({ data }) {
      const outcome = await processDelivery(data.deliveryId, options);
      // Null: someone else had it, or it was done; not counted as an attempt of this worker.
      if (outcome) observeWorker.deliveryFinished(outcome.status);
    },
  });
}
