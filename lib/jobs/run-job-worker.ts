import { log } from "@/lib/telemetry/log";
import { createJobQueue, JOBS_QUEUE, type JobQueue, LOST_JOBS_QUEUE } from "./create-job-queue";
import { failLostJob } from "./fail-lost-job";
import { runJob } from "./run-job";

export type JobWorker = {
  /** Stops taking jobs, lets running ones finish for `graceMs`, then hands the rest back to the queue. */
  stop(graceMs: number): Promise<void>;
  /** Jobs running here now. */
  running(): number;
};

/**
 * Consumes the job queue: `concurrency` consumers, each fetching one job at a time (pg-boss hands an entry to one
 * consumer only, across every worker process), plus one for the lost-job queue. Also runs pg-boss's maintenance,
 * which notices jobs whose worker died (expired) and offers them again, or gives them up to the lost-job queue.
 */
export async function runJobWorker(options: {
  databaseUrl: string;
  workerId: string;
  concurrency: number;
  maintenanceSeconds: number;
  retryLimit: number;
  pollingSeconds?: number;
}): Promise<JobWorker> {
  const queue: JobQueue = await createJobQueue({
    databaseUrl: options.databaseUrl,
    supervise: true,
    maintenanceSeconds: options.maintenanceSeconds,
    retryLimit: options.retryLimit,
    max: options.concurrency + 3,
  });
  const shutdown = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  const pollingIntervalSeconds = options.pollingSeconds ?? 1;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };
  for (let i = 0; i < options.concurrency; i++) {
    let consumer = "";
    consumer = await queue.work<{ jobId: string }>(
      JOBS_QUEUE,
      { batchSize: 1, pollingIntervalSeconds },
      async ([entry]) => {
        if (!entry) return;
        // A consumer that just found work fetches again at once: pg-boss would otherwise wait out the polling
        // interval after every job, which caps a worker at `concurrency` jobs per interval however short they are.
        // An empty fetch still waits the interval.
        queue.notifyWorker(consumer);
        const ended = await track(
          runJob({ jobId: entry.data.jobId, workerId: options.workerId, shutdown: shutdown.signal }),
        );
        // Throwing fails the entry, which pg-boss offers again after its retry delay: that is the hand-back.
        if (ended === "handed_back") throw new Error("handed back: worker shutting down");
      },
    );
  }
  await queue.work<{ jobId: string }>(
    LOST_JOBS_QUEUE,
    { batchSize: 1, pollingIntervalSeconds },
    async ([entry]) => {
      if (entry) await failLostJob(entry.data.jobId);
    },
  );

  return {
    running: () => inFlight.size,
    async stop(graceMs) {
      await queue.offWork(JOBS_QUEUE);
      await queue.offWork(LOST_JOBS_QUEUE);
      if (inFlight.size > 0) {
        log.info("waiting for running jobs", { running: inFlight.size, graceMs });
        await Promise.race([Promise.allSettled([...inFlight]), delay(graceMs)]);
      }
      if (inFlight.size > 0) {
        log.info("handing running jobs back to the queue", { running: inFlight.size });
        shutdown.abort();
        await Promise.allSettled([...inFlight]);
      }
      // pg-boss records the handler outcomes (complete, or failed → retry) before it lets go of the pool.
      await queue.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
