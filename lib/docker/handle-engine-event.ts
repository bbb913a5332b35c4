import { getPrisma } from "@/lib/db/get-prisma";
import { isInScope } from "./container-scope";
import { decideAfterDie } from "./decide-after-die";
import { inspectContainerSnapshot } from "./inspect-container-snapshot";
import { markContainerRemoved } from "./mark-container-removed";
import type { EngineEvent } from "./parse-engine-event";
import { type ContainerEventInput, recordContainerEvent } from "./record-container-event";
import { type StoredContainerState, saveContainer } from "./save-container";
import { scheduleHeal } from "./schedule-heal";
import { later, type WatcherContext } from "./watcher-context";

// Events kept in a container's history; the others (exec_*, attach, cleanup, mount…) are noise on the page.
// `cleanup` still counts in memory: it is how Podman's stop is told from a crash (see wasStoppedOnPurpose).
const RECORDED = new Set([
  "create",
  "start",
  "die",
  "kill",
  "stop",
  "oom",
  "health_status",
  "pause",
  "unpause",
  "restart",
  "rename",
]);
const REMOVED = new Set(["destroy", "remove"]);
const RECENT_PER_CONTAINER = 40;

/**
 * Applies one engine event: refreshes the container's stored state from the engine, appends the event to its history
 * and, for a container the healer looks after, reacts: an unhealthy report or an OOM plans a restart; a non-zero exit
 * is looked at once the events that would mark it as a deliberate stop have had time to arrive. Events caused by the
 * healer's own restarts are recorded but never acted on.
 */
export async function handleEngineEvent(context: WatcherContext, event: EngineEvent): Promise<void> {
  if (!isInScope(event.attributes, context.scope)) return;
  // Health checks run as execs: their events would crowd out the ones that matter here.
  if (RECORDED.has(event.kind) || REMOVED.has(event.kind) || event.kind === "cleanup")
    remember(context, event);
  if (REMOVED.has(event.kind)) {
    const before = await ensureRow(event);
    // Already marked (a sync found it gone first): its history says so once.
    if (before && before.state !== "removed") {
      await record(event, { kind: "remove", message: "Removed from the engine." });
    }
    await markContainerRemoved(event.containerId);
    context.recent.delete(event.containerId);
    return;
  }
  if (!RECORDED.has(event.kind)) return;

  const snapshot = await inspectContainerSnapshot(context.docker, event.containerId, context.policy);
  const before = snapshot ? await saveContainer(snapshot) : await ensureRow(event);
  const own = isOwnRestart(context, event);
  const healEnabled = snapshot?.healEnabled ?? false;

  switch (event.kind) {
    case "start": {
      if (own) context.ownRestarts.delete(event.containerId);
      // Started by someone else (an operator, the engine's restart policy): a deliberate stop or a spent budget no
      // longer holds, and a planned restart is moot.
      const resumes = !own && before !== null && before.healState !== "idle";
      if (resumes) {
        await getPrisma().container.update({
          where: { id: event.containerId },
          data: { healState: "idle", nextHealAt: null },
        });
      }
      await record(event, { message: resumes ? "Started; healing resumes." : "Started." });
      return;
    }
    case "die": {
      const failed = event.exitCode !== null && event.exitCode !== 0;
      await record(event, {
        level: failed ? "warn" : "info",
        message: event.exitCode === null ? "Exited." : `Exited with code ${event.exitCode}.`,
        exitCode: event.exitCode,
      });
      if (own || !healEnabled || !before) return;
      // A clean exit is not a failure, but with a restart pending it may still be an operator's stop to honour.
      if (failed || before.healState === "scheduled") {
        later(context, context.policy.settleMs, () => decideAfterDie(context, event));
      }
      return;
    }
    case "kill":
      await record(event, { message: event.signal ? `Sent signal ${event.signal}.` : "Sent a kill signal." });
      return;
    case "oom":
      await record(event, { level: "warn", message: "Ran out of memory." });
      if (!own && healEnabled && snapshot?.state === "running") await heal(context, event, "oom");
      return;
    case "health_status": {
      const status = event.healthStatus ?? snapshot?.health ?? null;
      if (status && status !== before?.health) {
        await record(event, {
          level: status === "unhealthy" ? "warn" : "info",
          message: `Health: ${status}.`,
        });
      }
      if (status === "unhealthy" && !own && healEnabled && snapshot?.state === "running") {
        await heal(context, event, "unhealthy");
      }
      return;
    }
    case "create":
      await record(event, { message: `Created from ${snapshot?.image ?? event.image ?? "its image"}.` });
      return;
    default:
      await record(event, {});
  }
}

async function heal(context: WatcherContext, event: EngineEvent, reason: "oom" | "unhealthy"): Promise<void> {
  await scheduleHeal({
    containerId: event.containerId,
    reason,
    policy: context.policy,
    alertWebhookUrl: context.alertWebhookUrl,
    log: context.logLine,
  });
}

function remember(context: WatcherContext, event: EngineEvent): void {
  const list = context.recent.get(event.containerId) ?? [];
  list.push(event);
  if (list.length > RECENT_PER_CONTAINER) list.splice(0, list.length - RECENT_PER_CONTAINER);
  context.recent.set(event.containerId, list);
}

function isOwnRestart(context: WatcherContext, event: EngineEvent): boolean {
  const until = context.ownRestarts.get(event.containerId);
  if (until === undefined) return false;
  if (until > event.at.getTime()) return true;
  context.ownRestarts.delete(event.containerId);
  return false;
}

function record(
  event: EngineEvent,
  input: Partial<Omit<ContainerEventInput, "containerId" | "source">>,
): Promise<void> {
  return recordContainerEvent(getPrisma(), {
    containerId: event.containerId,
    source: "engine",
    kind: event.kind,
    at: event.at,
    ...input,
  });
}

// A container the engine no longer has (removed right after the event): keep a row so its history has a home.
async function ensureRow(event: EngineEvent): Promise<StoredContainerState | null> {
  const prisma = getPrisma();
  const existing = await prisma.container.findUnique({
    where: { id: event.containerId },
    select: { state: true, health: true, healState: true },
  });
  if (existing) return existing;
  await prisma.container.create({
    data: {
      id: event.containerId,
      name: event.name ?? event.containerId.slice(0, 12),
      image: event.image ?? "",
      state: "removed",
      removedAt: new Date(),
      labels: {},
    },
  });
  return null;
}
