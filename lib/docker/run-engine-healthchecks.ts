import { getPrisma } from "@/lib/db/get-prisma";
import { sleep } from "@/lib/resilience/sleep";
import { scopeSql } from "./container-scope";
import { runPodmanHealthcheck } from "./run-podman-healthcheck";
import type { WatcherContext } from "./watcher-context";

const TICK_MS = 250;

/**
 * Stands in for Podman's health-check timers, which it creates through systemd and which therefore never fire on
 * hosts without systemd (containers, most CI machines): runs each running container's check at the container's own
 * interval, the first one an interval after it is first seen running, as the engine would. The engine then reports
 * the verdict on its events stream. Runs until `signal` aborts; a failed check (the container just stopped) is only
 * tried again at its next interval.
 */
export async function runEngineHealthchecks(
  context: WatcherContext,
  libpodApiVersion: string,
  signal: AbortSignal,
): Promise<void> {
  const due = new Map<string, number>();
  const inFlight = new Set<string>();
  while (!signal.aborted) {
    try {
      const rows = await getPrisma().$queryRaw<{ id: string; intervalMs: number }[]>`
        SELECT c.id, c."healthcheckIntervalMs" AS "intervalMs" FROM "Container" c
        WHERE c.state = 'running' AND c."removedAt" IS NULL AND c."healthcheckIntervalMs" IS NOT NULL
          ${scopeSql(context.scope)}`;
      const now = Date.now();
      const running = new Set(rows.map((row) => row.id));
      for (const id of due.keys()) if (!running.has(id)) due.delete(id);
      for (const row of rows) {
        const at = due.get(row.id);
        if (at === undefined) {
          due.set(row.id, now + row.intervalMs);
          continue;
        }
        if (at > now || inFlight.has(row.id)) continue;
        due.set(row.id, now + row.intervalMs);
        inFlight.add(row.id);
        runPodmanHealthcheck(context.docker, libpodApiVersion, row.id)
          .catch(() => undefined)
          .finally(() => inFlight.delete(row.id));
      }
    } catch {
      // The database is away: the session's other parts say so; checks resume with it.
    }
    await sleep(TICK_MS, signal);
  }
}
