import { log } from "@/lib/telemetry/log";
import type { DeliveryClaim } from "@/lib/webhooks/processing/delivery-claim";
import { type RunDeliveryOptions, runClaimedDelivery } from "@/lib/webhooks/processing/run-claimed-delivery";
import { toWebhookReceipt, type WebhookReceipt } from "@/lib/webhooks/to-webhook-receipt";

/**
 * Sync mode: run the first attempt inline and answer with its outcome if it ends within the integration's deadline.
 * Past the deadline the sender gets 202 and the attempt goes on in this process; if the process dies first, the
 * claim expires and the worker takes the delivery over, so a late answer never loses it.
 */
export async function answerSyncDelivery(options: {
  claim: DeliveryClaim;
  deadlineMs: number;
  /** Carried into the attempt's request-log row, so its timings start at the signature check. */
  intake?: RunDeliveryOptions["intake"];
}): Promise<WebhookReceipt> {
  const { claim } = options;
  const run = runClaimedDelivery(claim, { intake: options.intake }).catch((error: unknown) => {
    log.error("sync delivery attempt failed", { deliveryId: claim.deliveryId, error });
    return null;
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), options.deadlineMs);
  });
  const first = await Promise.race([run, late]);
  clearTimeout(timer);
  if (first === "late" || first === null) {
    return { status: 202, body: { deliveryId: claim.deliveryId, status: "processing" }, duplicate: false };
  }
  return toWebhookReceipt(first, false);
}
