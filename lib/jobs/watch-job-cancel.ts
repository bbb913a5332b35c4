import { getPrisma } from "@/lib/db/get-prisma";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { jobControlTopic } from "./job-event-types";

const POLL_MS = 2_000;

/**
 * Calls `onCancel` once when the job's cancel is requested: at once through the fan-out, and within a couple of
 * seconds from the database (the fan-out reaches only processes that were listening, so the row is the backstop).
 * Returns the stop function.
 */
export function watchJobCancel(jobId: string, onCancel: () => void): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    stop();
    onCancel();
  };
  const unsubscribe = getEventFanout().subscribe(jobControlTopic(jobId), (data) => {
    if ((data as { action?: unknown } | null)?.action === "cancel") fire();
  });
  const timer = setInterval(async () => {
    const job = await getPrisma()
      .job.findUnique({ where: { id: jobId }, select: { cancelRequested: true } })
      .catch(() => null);
    if (job?.cancelRequested) fire();
  }, POLL_MS);
  timer.unref();
  function stop() {
    done = true;
    clearInterval(timer);
    unsubscribe();
  }
  return stop;
}
