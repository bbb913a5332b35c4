import type { Queue } from "@/lib/queue/create-queue";
import { JOBS_QUEUE, LOST_JOBS_QUEUE } from "@/lib/queue/queue-definitions";
import { runQueueConsumer } from "@/lib/queue/run-queue-consumer";
import { log } from "@/lib/telemetry/log";
import { failLostJob } from "./fail-lost-job";
import { runJob } from "./run-job";

export type JobWorker = {
  /** Stops taking jobs, lets running ones finish for `graceMs`, then hands the rest back to the queue. */
  stop(graceMs: number): Promise<void>;
  /** Jobs running here now. */
  running(): number;
};

/**
 * Consumes the job queue (`concurrency` jobs at once; pg-boss hands an entry to one consumer only, across every
 * worker process) and the lost-job queue, where pg-boss's maintenance puts jobs whose workers kept dying.
 */
export function runJobWorker(options: {
  queue: Queue;
  workerId: string;
  concurrency: number;
  pollMs?: number;
}): JobWorker {
  const pollMs = options.pollMs ?? 1_000;
  const jobs = runQueueConsumer<{ jobId: string }>({
    queue: options.queue,
    name: JOBS_QUEUE,
    concurrency: options.concurrency,
    pollMs,
    log: log.warn,
    async handle({ data, signal }) {
      const ended = await runJob({ jobId: data.jobId, workerId: options.workerId, shutdown: signal });
      // Failing the entry makes pg-boss offer it again after its retry delay: that is the hand-back.
      if (ended === "handed_back") throw new Error("handed back: worker shutting down");
    },
  });
  const lost = runQueueConsumer<{ jobId: string }>({
    queue: options.queue,
    name: LOST_JOBS_QUEUE,
    concurrency: 1,
    pollMs,
    log: log.warn,
    handle: ({ data }) => failLostJob(data.jobId),
  });
  return {
    running: jobs.running,
    async stop(graceMs) {
      if (jobs.running() > 0) log.info("waiting for running jobs", { running: jobs.running(), graceMs });
      await Promise.all([jobs.stop(graceMs), lost.stop()]);
    },
  };
}
