import { getPrisma } from "@/lib/db/get-prisma";
import { checkLinkedServer } from "./check-linked-server";
import type { HealClaim } from "./claim-due-heal";
import { countHealAttempts } from "./count-heal-attempts";
import { healReasonText } from "./heal-reason";
import { isEngineNotFound } from "./is-engine-not-found";
import { markContainerRemoved } from "./mark-container-removed";
import { recordContainerEvent } from "./record-container-event";
import { scheduleHeal } from "./schedule-heal";
import { verifyServerAfterHeal } from "./verify-server-after-heal";
import type { WatcherContext } from "./watcher-context";

// Long enough for a graceful stop (the engine's default stop timeout is 10 s) plus the start.
const OWN_RESTART_MS = 60_000;

export type HealResult = "restarted" | "skipped" | "failed";

/**
 * Carries out one claimed heal: looks at the container once more (it may have recovered, been restarted by someone
 * else, or be gone), restarts it, and records the restart against the budget. A restart the engine refuses counts
 * too, and the heal is planned again with the next backoff, so a broken engine cannot be retried forever.
 */
export async function healContainer(context: WatcherContext, claim: HealClaim): Promise<HealResult> {
  const prisma = getPrisma();
  const container = context.docker.getContainer(claim.id);
  const release = (data: { restartCount?: { increment: number }; lastHealAt?: Date } = {}) =>
    prisma.container.update({
      where: { id: claim.id },
      data: { healState: "idle", nextHealAt: null, healLockedUntil: null, healLockedBy: null, ...data },
    });

  let running: boolean;
  try {
    const info = await container.inspect();
    running = info.State.Running;
    const skip =
      claim.reason === "exited" && running
        ? "it is running again"
        : claim.reason === "unhealthy" && running && info.State.Health?.Status === "healthy"
          ? "it is healthy again"
          : null;
    if (skip) return await skipped(skip);
  } catch (error) {
    if (!isEngineNotFound(error)) return failed(error);
    await markContainerRemoved(claim.id);
    return "skipped";
  }
  if (claim.reason === "server_unhealthy" && claim.serverSlug) {
    const server = await checkLinkedServer({ serverSlug: claim.serverSlug, breaker: context.breaker });
    if (!server?.failing) return skipped(`server ${claim.serverSlug} answers its health checks again`);
  }

  context.ownRestarts.set(claim.id, Date.now() + OWN_RESTART_MS);
  try {
    // An exited container is started; a running one (unhealthy, out of memory) is stopped gracefully first.
    if (running) await container.restart();
    else await container.start();
  } catch (error) {
    context.ownRestarts.delete(claim.id);
    return failed(error);
  }
  const attempt = (await countHealAttempts(prisma, claim.id, context.policy.windowMs)) + 1;
  await prisma.$transaction(async (tx) => {
    await tx.container.update({
      where: { id: claim.id },
      data: {
        healState: "idle",
        nextHealAt: null,
        healLockedUntil: null,
        healLockedBy: null,
        restartCount: { increment: 1 },
        lastHealAt: new Date(),
      },
    });
    await recordContainerEvent(tx, {
      containerId: claim.id,
      source: "healer",
      kind: "heal_restart",
      level: "warn",
      message: `Restarted because ${healReasonText[claim.reason]} (restart ${attempt} of ${context.policy.maxRestarts} allowed).`,
      details: { reason: claim.reason, attempt, worker: context.workerId },
    });
  });
  context.logLine(
    JSON.stringify({
      level: "warn",
      msg: "container restarted",
      container: claim.name,
      reason: claim.reason,
      attempt,
    }),
  );
  if (claim.serverSlug)
    verifyServerAfterHeal(context, { containerId: claim.id, serverSlug: claim.serverSlug });
  return "restarted";

  async function skipped(why: string): Promise<HealResult> {
    await prisma.$transaction(async (tx) => {
      await tx.container.update({
        where: { id: claim.id },
        data: { healState: "idle", nextHealAt: null, healLockedUntil: null, healLockedBy: null },
      });
      await recordContainerEvent(tx, {
        containerId: claim.id,
        source: "healer",
        kind: "heal_skipped",
        message: `Restart not needed: ${why}.`,
      });
    });
    return "skipped";
  }

  async function failed(error: unknown): Promise<HealResult> {
    const message = error instanceof Error ? error.message : String(error);
    await release();
    await recordContainerEvent(prisma, {
      containerId: claim.id,
      source: "healer",
      kind: "heal_failed",
      level: "warn",
      message: `The engine refused the restart: ${message.slice(0, 300)}`,
      details: { reason: claim.reason },
    });
    context.logLine(
      JSON.stringify({
        level: "warn",
        msg: "container restart failed",
        container: claim.name,
        error: message,
      }),
    );
    await scheduleHeal({
      containerId: claim.id,
      reason: claim.reason,
      policy: context.policy,
      alertWebhookUrl: context.alertWebhookUrl,
      log: context.logLine,
    });
    return "failed";
  }
}
