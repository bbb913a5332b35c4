import { claimDelivery } from "@/lib/webhooks/processing/claim-delivery";
import type { DeliveryOutcome } from "@/lib/webhooks/processing/delivery-outcome";
import { type RunDeliveryOptions, runClaimedDelivery } from "@/lib/webhooks/processing/run-claimed-delivery";

/**
 * Processes one delivery if it is due and nobody else holds it: claim, then one attempt. Null means it was not
 * claimable (not due, already being processed, or finished), which is not an error: someone else has it.
 */
export async function processDelivery(
  deliveryId: string,
  options: RunDeliveryOptions & { workerId: string; lockMs?: number },
): Promise<DeliveryOutcome | null> {
  const claim = await claimDelivery(deliveryId, { workerId: options.workerId, lockMs: options.lockMs });
  if (!claim) return null;
  return runClaimedDelivery(claim, options);
}
