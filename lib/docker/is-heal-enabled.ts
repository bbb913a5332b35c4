import type { HealPolicy } from "./heal-policy";

/** Whether the healer restarts this container when it dies, turns unhealthy or runs out of memory. */
export function isHealEnabled(
  labels: Record<string, string>,
  policy: Pick<HealPolicy, "label" | "all">,
): boolean {
  return policy.all || labels[policy.label]?.trim().toLowerCase() === "true";
}
