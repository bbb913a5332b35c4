import { getPrisma } from "@/lib/db/get-prisma";
import { isEngineNotFound } from "./is-engine-not-found";
import type { EngineEvent } from "./parse-engine-event";
import { recordContainerEvent } from "./record-container-event";
import { scheduleHeal } from "./schedule-heal";
import { wasStoppedOnPurpose } from "./was-stopped-on-purpose";
import type { WatcherContext } from "./watcher-context";

/**
 * Runs `settleMs` after a heal-enabled container died: by then the events that mark a deliberate stop have arrived.
 * Started again meanwhile (the engine's restart policy, an operator): nothing to do. Stopped on purpose: marked so,
 * and never restarted by the healer until someone starts it. Otherwise, a non-zero exit is a failure to heal.
 */
export async function decideAfterDie(context: WatcherContext, die: EngineEvent): Promise<void> {
  const history = context.recent.get(die.containerId) ?? [];
  const after = history.slice(history.indexOf(die) + 1);
  if (after.some((event) => event.kind === "start")) return;
  const prisma = getPrisma();
  if (wasStoppedOnPurpose(history, die)) {
    const { count } = await prisma.container.updateMany({
      where: { id: die.containerId, healState: { in: ["idle", "scheduled"] } },
      data: { healState: "stopped_by_operator", nextHealAt: null },
    });
    if (count > 0) {
      await recordContainerEvent(prisma, {
        containerId: die.containerId,
        source: "engine",
        kind: "stopped_on_purpose",
        message:
          "Stopped on purpose (a stop or kill, not a crash): the healer leaves it stopped until it is started again.",
      });
    }
    return;
  }
  if (!die.exitCode) return;
  try {
    const info = await context.docker.getContainer(die.containerId).inspect();
    if (info.State.Running) return;
  } catch (error) {
    if (isEngineNotFound(error)) return;
    throw error;
  }
  await scheduleHeal({
    containerId: die.containerId,
    reason: followsOom(history, die) ? "oom" : "exited",
    detail: `exit code ${die.exitCode}`,
    policy: context.policy,
    alertWebhookUrl: context.alertWebhookUrl,
    log: context.logLine,
  });
}

// The OOM killer's `oom` event comes just before the `die` it causes.
function followsOom(history: readonly EngineEvent[], die: EngineEvent): boolean {
  const before = history.slice(0, history.indexOf(die)).reverse();
  for (const event of before) {
    if (event.kind === "start" || event.kind === "die") return false;
    if (event.kind === "oom") return true;
  }
  return false;
}
