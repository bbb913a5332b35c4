import { finishJob } from "./finish-job";

/**
 * A job whose queue entry ran out of attempts because its worker kept dying (or shutting down) mid-job: it ends as
 * failed rather than staying "running" forever. A job that did end is left as it is.
 */
export async function failLostJob(jobId: string): Promise<void> {
  await finishJob(jobId, {
    status: "failed",
    errorCode: "worker_lost",
    errorMessage: "The worker running this job stopped before it finished, on every attempt.",
  });
}
