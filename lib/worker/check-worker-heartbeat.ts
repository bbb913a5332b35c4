import { getPrisma } from "@/lib/db/get-prisma";

export type WorkerCheck = "ok" | "stale" | "none";

/**
 * The worker as readiness reports it: "ok" when a running worker beat within three intervals, "stale" when the
 * newest running one is older (hung, or killed without a chance to say so), "none" when no worker is running.
 */
export async function checkWorkerHeartbeat(intervalMs: number): Promise<WorkerCheck> {
  const newest = await getPrisma().workerHeartbeat.findFirst({
    where: { stoppedAt: null },
    orderBy: { lastBeatAt: "desc" },
    select: { lastBeatAt: true },
  });
  if (!newest) return "none";
  return Date.now() - newest.lastBeatAt.getTime() <= 3 * intervalMs ? "ok" : "stale";
}
