import { observeWorker } from "@/lib/telemetry/observe-worker";
import type { Queue } from "./create-queue";
import { createWriteBatcher } from "./create-write-batcher";

const MAX_BACKOFF_MS = 15_000;

export type QueueEntry<T> = {
  id: string;
  data: T;
  /** Aborted when the consumer is told to stop for good: hand the work back (throw) rather than finish it. */
  signal: AbortSignal;
};

export type QueueConsumer = {
  /** Stops fetching, lets entries in hand finish for `graceMs`, then aborts their signal and waits for them. */
  stop(graceMs?: number): Promise<void>;
  /** Entries being handled here now. */
  running(): number;
  /** Fetches at once instead of at the next poll (something was just sent from this process). */
  wake(): void;
};

/**
 * The one way Orbit consumes a pg-boss queue: up to `concurrency` entries in hand, fetched in one query for every
 * free slot (pg-boss hands an entry to one fetcher only, across every process), each completed or failed on its own
 * the moment its handler settles. It fetches again at once while entries keep coming and after each one finishes,
 * and waits `pollMs` only when the queue had nothing; so a backlog drains at full speed and an idle worker costs one
 * query per queue per poll. A handler that throws fails its entry, which pg-boss offers again per the queue's retry
 * policy (or moves to its dead-letter queue); that is also how a stopping worker hands work back.
 */
export function runQueueConsumer<T>(options: {
  queue: Queue;
  name: string;
  concurrency: number;
  pollMs: number;
  handle: (entry: QueueEntry<T>) => Promise<void>;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}): QueueConsumer {
  const { queue, name, concurrency } = options;
  const log = options.log ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  const stopping = new AbortController();
  const handBack = new AbortController();
  // Set by wake() whenever it is called, so a wake-up that comes while the loop is busy fetching is not lost: the
  // loop then looks again at once instead of sleeping a whole poll with free slots.
  let woken = false;
  let interrupt: () => void = () => {};
  const wake = () => {
    woken = true;
    interrupt();
  };
  let failures = 0;

  // Entries that finish together are completed in one statement (a busy consumer finishes several at once).
  const complete = createWriteBatcher<string>(async (ids) => {
    try {
      await queue.complete(name, ids);
    } catch (error) {
      // The entries stay active and expire into a retry: the rows they point at decide whether anything re-runs.
      log("queue entries not completed", { queue: name, ids: ids.slice(0, 10), error: String(error) });
    }
  });
  const settle = async (id: string, error: unknown): Promise<void> => {
    if (error === undefined) return complete([id]);
    try {
      await queue.fail(name, id, { message: error instanceof Error ? error.message : String(error) });
    } catch (settleError) {
      log("queue entry not failed", { queue: name, id, error: String(settleError) });
    }
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      woken = false;
      const free = concurrency - inFlight.size;
      let fetched = 0;
      if (free > 0) {
        try {
          const entries = await queue.fetch<T>(name, { batchSize: free });
          fetched = entries.length;
          observeWorker.queuePolled(name);
          if (failures > 0) log("queue reachable again", { queue: name, failures });
          failures = 0;
          for (const entry of entries) {
            // A signal of its own per entry, so the listeners a handler adds go away with it (one shared signal
            // collected them from every entry in hand and tripped Node's listener-leak warning).
            const own = new AbortController();
            const relay = () => own.abort(handBack.signal.reason);
            handBack.signal.addEventListener("abort", relay, { once: true });
            const work: Promise<void> = Promise.resolve()
              .then(() => options.handle({ id: entry.id, data: entry.data, signal: own.signal }))
              .then(
                () => settle(entry.id, undefined),
                (error: unknown) => settle(entry.id, error ?? new Error("failed")),
              )
              .finally(() => {
                handBack.signal.removeEventListener("abort", relay);
                inFlight.delete(work);
                wake();
              });
            inFlight.add(work);
          }
        } catch (error) {
          // The database being away is survivable: nothing was fetched, a later poll tries again, less often.
          failures++;
          if (failures === 1 || failures % 20 === 0)
            log("queue fetch failed", { queue: name, failures, error });
        }
      }
      if ((fetched > 0 && fetched === free) || woken) continue;
      const waitMs = failures > 0 ? Math.min(options.pollMs * 2 ** failures, MAX_BACKOFF_MS) : options.pollMs;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          stopping.signal.removeEventListener("abort", done);
          interrupt = () => {};
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        stopping.signal.addEventListener("abort", done, { once: true });
        interrupt = done;
      });
    }
  })();

  return {
    running: () => inFlight.size,
    wake,
    async stop(graceMs = Number.POSITIVE_INFINITY) {
      stopping.abort();
      await loop;
      if (inFlight.size > 0 && graceMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        const grace = Number.isFinite(graceMs)
          ? new Promise<void>((resolve) => {
              timer = setTimeout(resolve, graceMs);
            })
          : new Promise<void>(() => {});
        await Promise.race([Promise.allSettled([...inFlight]), grace]);
        clearTimeout(timer);
      }
      if (inFlight.size > 0) handBack.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}
