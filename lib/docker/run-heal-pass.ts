import { claimDueHeal } from "./claim-due-heal";
import { type HealResult, healContainer } from "./heal-container";
import type { WatcherContext } from "./watcher-context";

/** Carries out every heal that is due now, one claim at a time; returns what each came to. */
export async function runHealPass(context: WatcherContext): Promise<HealResult[]> {
  const results: HealResult[] = [];
  while (!context.signal.aborted) {
    const claim = await claimDueHeal({ workerId: context.workerId, scope: context.scope });
    if (!claim) break;
    results.push(await healContainer(context, claim));
  }
  return results;
}
