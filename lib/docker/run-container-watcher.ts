import type Docker from "dockerode";
import type { CircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { sleep } from "@/lib/resilience/sleep";
import { withTimeout } from "@/lib/resilience/with-timeout";
import type { ContainerScope } from "./container-scope";
import { describeEngine } from "./describe-engine";
import type { HealPolicy } from "./heal-policy";
import { holdWatcherLease } from "./hold-watcher-lease";
import { releaseWatcherLease } from "./release-watcher-lease";
import { runWatchSession } from "./run-watch-session";
import { updateWatcherStatus } from "./update-watcher-status";
import type { WatcherContext } from "./watcher-context";

export type ContainerWatcherOptions = {
  /** Aborting it stops the watcher: the lease is given up and the promise resolves. */
  signal: AbortSignal;
  workerId: string;
  docker: Docker;
  /** For messages only: where `docker` points. */
  dockerHost: string;
  policy: HealPolicy;
  breaker: CircuitBreaker;
  alertWebhookUrl?: string | null;
  /** Who runs container health checks (ORBIT_CONTAINER_HEALTHCHECKS). */
  healthchecks: "auto" | "orbit" | "engine";
  /** Tests: only containers with this label, under a lease of their own. */
  scope?: ContainerScope;
  watcherId?: string;
  timings?: Partial<{
    leaseTtlMs: number;
    healPollMs: number;
    serverPollMs: number;
    serverGraceMs: number;
    retryInitialMs: number;
    retryMaxMs: number;
  }>;
  /** The worker's plain messages (started, engine away and back); heal decisions go to `logLine` as JSON. */
  log?: (line: string) => void;
  logLine?: (line: string) => void;
};

const PROBE_TIMEOUT_MS = 5_000;

/**
 * The worker's Docker watcher and healer. One worker at a time follows the engine (a lease in Postgres; the others
 * stand by and take over within a lease period if it dies). While it holds the lease it connects to the engine,
 * syncs every container and follows the events stream (runWatchSession); when the engine is absent or restarts it
 * says so once and retries with exponential backoff, and the next connection replays the events it missed.
 */
export async function runContainerWatcher(options: ContainerWatcherOptions): Promise<void> {
  const { signal, workerId } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const logLine = options.logLine ?? ((line: string) => console.log(line));
  const watcherId = options.watcherId ?? "default";
  const t = {
    leaseTtlMs: 15_000,
    healPollMs: 250,
    serverPollMs: 5_000,
    serverGraceMs: 30_000,
    retryInitialMs: 1_000,
    // An engine that is away is probed every 10 s at the most: cheap, and it is followed soon after it comes back.
    retryMaxMs: 10_000,
    ...options.timings,
  };
  const context: WatcherContext = {
    docker: options.docker,
    policy: options.policy,
    scope: options.scope ?? null,
    workerId,
    breaker: options.breaker,
    alertWebhookUrl: options.alertWebhookUrl ?? null,
    logLine,
    ownRestarts: new Map(),
    recent: new Map(),
    timers: new Set(),
    signal,
  };

  // Consecutive failed probes of the engine, and consecutive sessions that ended at once: each drives a backoff.
  let unreachable = 0;
  let quickEnds = 0;
  let standingBy = false;
  let databaseFailures = 0;
  while (!signal.aborted) {
    let held: boolean;
    try {
      held = await holdWatcherLease({ watcherId, holder: workerId, ttlMs: t.leaseTtlMs });
      if (databaseFailures > 0) log("container watcher reaches the database again");
      databaseFailures = 0;
    } catch (error) {
      if (++databaseFailures === 1)
        log(`container watcher cannot reach the database, retrying: ${String(error)}`);
      await sleep(backoff(databaseFailures), signal);
      continue;
    }
    if (!held) {
      if (!standingBy) log("container watcher standing by: another worker follows the engine");
      standingBy = true;
      await sleep(t.leaseTtlMs / 3, signal);
      continue;
    }
    standingBy = false;

    let engine: Awaited<ReturnType<typeof describeEngine>>;
    try {
      engine = await withTimeout(
        describeEngine(options.docker),
        PROBE_TIMEOUT_MS,
        () => new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`),
      );
    } catch (error) {
      unreachable++;
      const message = error instanceof Error ? error.message : String(error);
      // Said once, not at every retry: an engine that is simply not installed must not fill the log.
      if (unreachable === 1) {
        log(
          `container engine at ${options.dockerHost} is not reachable (${message}); retrying quietly with backoff`,
        );
      }
      await updateWatcherStatus(watcherId, workerId, {
        connected: false,
        dockerHost: options.dockerHost,
        lastError: `engine not reachable: ${message}`,
      }).catch(() => undefined);
      await sleep(backoff(unreachable), signal);
      continue;
    }
    if (unreachable > 0) log(`container engine at ${options.dockerHost} reachable again`);
    unreachable = 0;

    const startedAt = Date.now();
    const healthchecks =
      options.healthchecks === "orbit" || (options.healthchecks === "auto" && engine.name === "Podman");
    let ended: string;
    try {
      ended = await runWatchSession(context, {
        engine,
        watcherId,
        dockerHost: options.dockerHost,
        healthchecks,
        leaseTtlMs: t.leaseTtlMs,
        healPollMs: t.healPollMs,
        serverPollMs: t.serverPollMs,
        serverGraceMs: t.serverGraceMs,
        log,
      });
    } catch (error) {
      ended = `could not start following the engine: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (signal.aborted) break;
    // A session that ran a while resets the backoff; one that ends at once (the engine is restarting) grows it.
    quickEnds = Date.now() - startedAt > 30_000 ? 1 : quickEnds + 1;
    if (quickEnds === 1 || quickEnds % 20 === 0)
      log(`container watcher lost the engine (${ended}); reconnecting`);
    await sleep(backoff(quickEnds), signal);
  }

  for (const timer of context.timers) clearTimeout(timer);
  context.timers.clear();
  await releaseWatcherLease({ watcherId, holder: workerId }).catch(() => undefined);
  log("container watcher stopped");

  function backoff(attempt: number): number {
    return Math.min(t.retryMaxMs, t.retryInitialMs * 2 ** Math.max(0, attempt - 1));
  }
}
