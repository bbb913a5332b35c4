import type { HealPolicy } from "./heal-policy";

/**
 * The wait before the next restart, given how many the healer already made in the current window: the initial
 * delay, doubled per restart, never above the maximum. No jitter: each container has its own schedule, and an
 * operator reading the history should see exactly the documented delays.
 */
export function healDelayMs(
  restartsInWindow: number,
  policy: Pick<HealPolicy, "backoffInitialMs" | "backoffMaxMs">,
): number {
  return Math.min(policy.backoffMaxMs, policy.backoffInitialMs * 2 ** Math.min(restartsInWindow, 30));
}
