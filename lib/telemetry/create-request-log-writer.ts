import type { Prisma } from "@/lib/db/generated/client";

// The queue behind recordRequest, built from a `write` function so its failure handling can be tested with a
// database that fails on demand. Rows leave the queue only once written; a failed batch goes back to the front and
// is retried on the next flush, with the timer backing off while the database is away.

export type RequestLogRow = Prisma.RequestLogCreateManyInput;

export type RequestLogWriter = {
  enqueue(row: RequestLogRow): void;
  /** Writes everything queued, in batches; stops at the first failed batch (its rows stay queued). Never throws. */
  flush(): Promise<void>;
  readonly queued: number;
};

type Options = {
  write: (rows: RequestLogRow[]) => Promise<unknown>;
  batchSize?: number;
  intervalMs?: number;
  maxQueued?: number;
  maxBackoffMs?: number;
  warn?: (message: string) => void;
};

export function createRequestLogWriter(options: Options): RequestLogWriter {
  const batchSize = options.batchSize ?? 200;
  const intervalMs = options.intervalMs ?? 250;
  const maxQueued = options.maxQueued ?? 10_000;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const warn = options.warn ?? ((message: string) => console.warn(message));

  let queue: RequestLogRow[] = [];
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  // Drops are reported once per burst, when it ends, so a full queue during an outage logs one line, not thousands.
  let droppedInBurst = 0;
  let droppedSinceLastFlush = false;

  function dropOverflow(): void {
    const over = queue.length - maxQueued;
    if (over <= 0) return;
    queue.splice(0, over);
    droppedInBurst += over;
    droppedSinceLastFlush = true;
  }

  function reportDrops(force: boolean): void {
    if (droppedInBurst === 0 || (droppedSinceLastFlush && !force)) return;
    warn(
      `[request-log] queue full (${maxQueued} rows): dropped the ${droppedInBurst} oldest rows ` +
        `(last write ${failures > 0 ? "failed" : "succeeded"})`,
    );
    droppedInBurst = 0;
  }

  function schedule(delayMs: number): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().then(() => {
        if (queue.length > 0)
          schedule(failures > 0 ? Math.min(intervalMs * 2 ** failures, maxBackoffMs) : intervalMs);
      });
    }, delayMs);
    // A pending log write must not keep a finished process alive; beforeExit flushes what is left.
    timer.unref();
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, batchSize);
      try {
        await options.write(batch);
        failures = 0;
      } catch (error) {
        failures++;
        queue = batch.concat(queue);
        dropOverflow();
        if (failures === 1 || failures % 20 === 0) {
          warn(
            `[request-log] writing ${batch.length} rows failed (attempt ${failures}); kept for the next flush: ` +
              (error instanceof Error ? error.message : String(error)),
          );
        }
        return;
      }
    }
  }

  function flush(): Promise<void> {
    // One drain at a time; a flush that arrives mid-drain waits for it and then writes what came in since.
    const previous = running ?? Promise.resolve();
    const next = previous.then(async () => {
      await drain();
      reportDrops(false);
      droppedSinceLastFlush = false;
    });
    running = next;
    void next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  }

  return {
    enqueue(row) {
      queue.push(row);
      dropOverflow();
      if (queue.length >= batchSize && failures === 0) {
        if (timer) clearTimeout(timer);
        timer = null;
        schedule(0);
      } else {
        schedule(intervalMs);
      }
    },
    async flush() {
      await flush();
      reportDrops(true);
    },
    get queued() {
      return queue.length;
    },
  };
}
