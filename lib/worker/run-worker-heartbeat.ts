import { hostname } from "node:os";
import { getPrisma } from "@/lib/db/get-prisma";
import { orbitVersion } from "@/lib/version";

// Rows of workers gone this long are removed, so the table holds today's workers, not every pid ever seen.
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Writes this worker's heartbeat row (host, pid, version, start, last beat) now and every `intervalMs` until the
 * signal aborts; then marks it stopped, so readiness tells a worker that left cleanly from one that died. A failed
 * beat (database restarting) is skipped: the next one tries again, and readiness shows "stale" meanwhile.
 */
export async function runWorkerHeartbeat(options: {
  workerId: string;
  intervalMs: number;
  signal: AbortSignal;
  log: (line: string) => void;
}): Promise<void> {
  const { workerId, intervalMs, signal } = options;
  const prisma = getPrisma();
  const startedAt = new Date();
  let failing = false;
  const beat = async () => {
    try {
      const now = new Date();
      await prisma.workerHeartbeat.upsert({
        where: { id: workerId },
        create: {
          id: workerId,
          host: hostname(),
          pid: process.pid,
          version: orbitVersion,
          startedAt,
          lastBeatAt: now,
        },
        update: { lastBeatAt: now, stoppedAt: null },
      });
      await prisma.workerHeartbeat.deleteMany({
        where: { lastBeatAt: { lt: new Date(Date.now() - FORGET_AFTER_MS) } },
      });
      if (failing) options.log("heartbeat written again");
      failing = false;
    } catch (error) {
      if (!failing) options.log(`heartbeat not written: ${String(error)}`);
      failing = true;
    }
  };
  await beat();
  while (!signal.aborted) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
    if (!signal.aborted) await beat();
  }
  await prisma.workerHeartbeat
    .update({ where: { id: workerId }, data: { stoppedAt: new Date() } })
    .catch(() => {});
}
