import { observeWorker } from "@/lib/telemetry/observe-worker";
import { claimDueDeliveries } from "@/lib/webhooks/processing/claim-due-deliveries";
import { type RunDeliveryOptions, runClaimedDelivery } from "@/lib/webhooks/processing/run-claimed-delivery";

const MAX_BACKOFF_MS = 15_000;

export type DeliveryLoopOptions = RunDeliveryOptions & {
  workerId: string;
  /** Aborting it stops claiming; the promise resolves once the attempts in flight have finished. */
  signal: AbortSignal;
  /** Deliveries processed at once. */
  concurrency?: number;
  /** Poll period when there is nothing to do. */
  intervalMs?: number;
  lockMs?: number;
  /** Restrict the loop to some integrations (see claimDueDeliveries). */
  integrationIds?: string[];
  heartbeatMs?: number;
  log?: (line: string) => void;
};

/**
 * The worker's webhook inbox consumer: claims due deliveries (new async ones, retries whose time has come, and ones
 * whose processor died holding them) and runs them with bounded concurrency. It polls every `intervalMs` when idle
 * and at once whenever a slot frees or a full batch came back, so a backlog drains without waiting on the timer.
 * Stopping never abandons an attempt half-written: it stops claiming and waits for the ones in flight. If the process
 * is killed anyway, their claims expire and another worker retries them.
 */
export async function runDeliveryLoop(options: DeliveryLoopOptions): Promise<void> {
  const { workerId, signal } = options;
  const concurrency = options.concurrency ?? 8;
  const intervalMs = options.intervalMs ?? 500;
  const log = options.log ?? ((line: string) => console.log(line));
  const inFlight = new Set<Promise<void>>();
  let processed = 0;
  // Consecutive failed claims: while the database is away the loop backs off (up to MAX_BACKOFF_MS) and says so once,
  // instead of hammering a recovering server and filling the log twice a second.
  let claimFailures = 0;
  let wake: () => void = () => {};

  const heartbeat = setInterval(
    () => log(`delivery loop alive: ${processed} processed, ${inFlight.size} in flight`),
    options.heartbeatMs ?? 30_000,
  );
  heartbeat.unref();

  while (!signal.aborted) {
    const free = concurrency - inFlight.size;
    let claimed = 0;
    if (free > 0) {
      try {
        const claims = await claimDueDeliveries({
          workerId,
          limit: free,
          lockMs: options.lockMs,
          integrationIds: options.integrationIds,
        });
        claimed = claims.length;
        observeWorker.loopRan("deliveries");
        if (claimFailures > 0) log(`claiming deliveries works again after ${claimFailures} failed attempts`);
        claimFailures = 0;
        for (const claim of claims) {
          const attempt: Promise<void> = runClaimedDelivery(claim, options)
            .then(
              (outcome) => {
                processed++;
                observeWorker.deliveryFinished(outcome?.status ?? null);
              },
              (error: unknown) => log(`delivery ${claim.deliveryId} attempt failed: ${String(error)}`),
            )
            .finally(() => {
              inFlight.delete(attempt);
              wake();
            });
          inFlight.add(attempt);
        }
      } catch (error) {
        // The database being away is survivable: nothing was claimed, a later poll tries again.
        claimFailures++;
        if (claimFailures === 1 || claimFailures % 20 === 0) {
          log(`claiming deliveries failed (${claimFailures}×, backing off): ${String(error)}`);
        }
      }
    }
    if (claimed > 0 && claimed === free) continue;
    const waitMs = claimFailures > 0 ? Math.min(intervalMs * 2 ** claimFailures, MAX_BACKOFF_MS) : intervalMs;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        wake = () => {};
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      signal.addEventListener("abort", done, { once: true });
      wake = done;
    });
  }

  clearInterval(heartbeat);
  await Promise.allSettled([...inFlight]);
  log(`delivery loop stopped after ${processed} deliveries`);
}
