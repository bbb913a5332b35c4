import { getEnv } from "@/lib/env";
import { createJobQueue, type JobQueue } from "./create-job-queue";

// On globalThis so Next.js dev reloads share one pool instead of opening one per reload.
const globalForQueue = globalThis as typeof globalThis & { orbitJobQueue?: Promise<JobQueue> };

/** This process's queue handle for sending and cancelling (no maintenance: that is the workers' job). */
export function getJobQueue(): Promise<JobQueue> {
  globalForQueue.orbitJobQueue ??= createJobQueue({
    databaseUrl: getEnv().DATABASE_URL,
    supervise: false,
    retryLimit: getEnv().ORBIT_JOB_RETRY_LIMIT,
    max: 2,
  }).catch((error: unknown) => {
    // A failed start (database down) is not remembered: the next request tries again.
    globalForQueue.orbitJobQueue = undefined;
    throw error;
  });
  return globalForQueue.orbitJobQueue;
}
