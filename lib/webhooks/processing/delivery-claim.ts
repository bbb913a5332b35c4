// A processor's hold on one delivery. The token is unique per claim, so a processor whose lock expired (it stalled
// or crashed and another took over) can no longer write the delivery's outcome: every write matches on it.
export type DeliveryClaim = {
  deliveryId: string;
  token: string;
  /** Attempts including this one. */
  attempts: number;
  /** How long the lock was taken for; the attempt aborts its tool call before it runs out. */
  lockMs: number;
};

/**
 * Long enough for a tool call's deadline (30 s by default) on the primary and on a fallback server, short enough
 * that a crashed processor's delivery is picked up again within a couple of minutes.
 */
export const DELIVERY_LOCK_MS = 120_000;
