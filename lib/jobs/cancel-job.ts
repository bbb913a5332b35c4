import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { getQueue } from "@/lib/queue/get-queue";
import { JOBS_QUEUE } from "@/lib/queue/queue-definitions";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { log } from "@/lib/telemetry/log";
import { finishJob } from "./finish-job";
import { getJobView } from "./get-job-view";
import { isTerminalJobStatus, jobControlTopic } from "./job-event-types";
import type { JobView } from "./to-job-view";

/**
 * Cancels a job: a queued one ends here and leaves the queue; a running one is flagged and its worker told, which
 * aborts the running step and ends the job as `cancelled` (the flag is also read from the database, so a missed
 * message delays the cancel by a couple of seconds, never loses it). 404 unknown, 409 already finished.
 */
export async function cancelJob(jobId: string): Promise<JobView> {
  const prisma = getPrisma();
  const flagged = await prisma.job.updateMany({
    where: { id: jobId, status: { in: ["queued", "running"] } },
    data: { cancelRequested: true },
  });
  if (flagged.count === 0) {
    const job = await prisma.job.findUnique({ where: { id: jobId }, select: { status: true } });
    if (!job) throw new AppError("not_found", `No job ${jobId}.`);
    if (isTerminalJobStatus(job.status))
      throw new AppError("conflict", `The job already ended (${job.status}).`);
  }
  const cancelled = {
    status: "cancelled",
    errorCode: "cancelled",
    errorMessage: "Cancelled on request.",
  } as const;
  if (await finishJob(jobId, cancelled, ["queued"])) {
    // The row already says cancelled, so a worker that fetches the entry anyway leaves it alone.
    await getQueue()
      .then((queue) => queue.cancel(JOBS_QUEUE, jobId))
      .catch((error: unknown) => log.warn("cancelled job left in the queue", { jobId, error }));
  } else {
    await getEventFanout().publish(jobControlTopic(jobId), { action: "cancel" });
  }
  return getJobView(jobId);
}
