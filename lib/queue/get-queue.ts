import { getEnv } from "@/lib/env";
import { createQueue, type Queue } from "./create-queue";

// On globalThis so Next.js dev reloads share one pool instead of opening one per reload.
const globalForQueue = globalThis as typeof globalThis & { orbitQueue?: Promise<Queue> };

/**
 * This process's queue handle. The web's sends and cancels (no maintenance: that is the workers' job); a worker
 * installs its own supervising handle with installQueue, so its sends share that pool.
 */
export function getQueue(): Promise<Queue> {
  globalForQueue.orbitQueue ??= createQueue({
    databaseUrl: getEnv().DATABASE_URL,
    supervise: false,
    max: 2,
  }).catch((error: unknown) => {
    // A failed start (database down) is not remembered: the next caller tries again.
    globalForQueue.orbitQueue = undefined;
    throw error;
  });
  return globalForQueue.orbitQueue;
}

/** Makes `queue` the one getQueue answers with (the worker's supervising handle). */
export function installQueue(queue: Queue): void {
  const previous = globalForQueue.orbitQueue;
  globalForQueue.orbitQueue = Promise.resolve(queue);
  // A handle started before (a send that came first) is let go rather than left holding connections.
  void previous
    ?.then((earlier) => (earlier === queue ? undefined : earlier.stop({ graceful: true, wait: false })))
    .catch(() => {});
}

/** Stops this process's handle, if one was started, and forgets it. */
export async function stopQueue(): Promise<void> {
  const current = globalForQueue.orbitQueue;
  globalForQueue.orbitQueue = undefined;
  const queue = await current?.catch(() => null);
  await queue?.stop({ graceful: true, wait: true, timeout: 5_000 });
}
