import { getPrisma } from "@/lib/db/get-prisma";
import { isInScope, scopeSql } from "./container-scope";
import { inspectContainerSnapshot } from "./inspect-container-snapshot";
import { markContainerRemoved } from "./mark-container-removed";
import { recordContainerEvent } from "./record-container-event";
import { saveContainer } from "./save-container";
import { scheduleHeal } from "./schedule-heal";
import type { WatcherContext } from "./watcher-context";

/**
 * Brings the stored containers in line with the engine, as the watcher (re)connects: every container is inspected
 * and saved, rows of containers that vanished meanwhile are marked removed, and a heal-enabled container found
 * unhealthy is planned a restart. An exited container is not restarted here: whether it crashed or was stopped on
 * purpose is only known from its events, which the events stream replays from the watcher's cursor.
 */
export async function syncContainers(
  context: WatcherContext,
): Promise<{ containers: number; removed: number }> {
  const { docker, scope, policy } = context;
  const listed = await docker.listContainers({
    all: true,
    ...(scope ? { filters: { label: [`${scope.key}=${scope.value}`] } } : {}),
  });
  const seen = new Set<string>();
  for (const item of listed) {
    if (!isInScope(item.Labels ?? {}, scope)) continue;
    // Listed counts as present: one removed while this sync runs is the events stream's to report.
    seen.add(item.Id);
    const snapshot = await inspectContainerSnapshot(docker, item.Id, policy);
    if (!snapshot) continue;
    await saveContainer(snapshot);
    if (snapshot.healEnabled && snapshot.state === "running" && snapshot.health === "unhealthy") {
      await scheduleHeal({
        containerId: snapshot.id,
        reason: "unhealthy",
        policy,
        alertWebhookUrl: context.alertWebhookUrl,
        log: context.logLine,
      });
    }
  }

  const prisma = getPrisma();
  const stored = await prisma.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Container" c WHERE c."removedAt" IS NULL ${scopeSql(scope)}`;
  const gone = stored.filter((row) => !seen.has(row.id));
  for (const row of gone) {
    await recordContainerEvent(prisma, {
      containerId: row.id,
      source: "engine",
      kind: "remove",
      message: "Gone from the engine (removed while no watcher was following it).",
    });
    await markContainerRemoved(row.id);
  }
  return { containers: seen.size, removed: gone.length };
}
