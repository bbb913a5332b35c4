import type { CircuitBreaker, CircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { sleep } from "@/lib/resilience/sleep";
import { observeWorker } from "@/lib/telemetry/observe-worker";
import { runHealthPass } from "./run-health-pass";
import { runToolsRefreshPass } from "./run-tools-refresh-pass";

const MAX_BACKOFF_MS = 15_000;

export type HealthLoopOptions = {
  /** Aborting it stops claiming and cuts checks in flight short (they record nothing); the promise then resolves. */
  signal: AbortSignal;
  breaker: CircuitBreaker;
  circuit?: CircuitPolicy;
  /** How often each replica is checked (ORBIT_HEALTH_INTERVAL_SECONDS). */
  healthIntervalMs: number;
  /** How often each server's tools are re-read (ORBIT_TOOLS_REFRESH_SECONDS). */
  toolsIntervalMs: number;
  /** How often the loop looks for due work; by default the health interval, at most 5 s. */
  pollMs?: number;
  /** Replicas checked at once by this worker. */
  concurrency?: number;
  serverIds?: string[];
  /** For the worker's own messages (start, stop, database trouble); health changes go to `logLine` as JSON. */
  log?: (line: string) => void;
  logLine?: (line: string) => void;
};

/**
 * The worker's active health checks and periodic tool refresh. Each poll runs a health pass (replicas whose last
 * check is an interval old) and then a tools pass (servers whose tools are an interval old); the claims in those
 * passes make several workers split the work instead of repeating it, and polling more often than the interval only
 * means work is picked up closer to when it falls due. While the database is away the loop backs off (up to 15 s)
 * and says so once, like the delivery loop.
 */
export async function runHealthLoop(options: HealthLoopOptions): Promise<void> {
  const { signal } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const pollMs = options.pollMs ?? Math.min(options.healthIntervalMs, 5_000);
  let failures = 0;
  let checks = 0;

  log(
    `health loop started: replicas every ${options.healthIntervalMs / 1000} s, tools every ${options.toolsIntervalMs / 1000} s`,
  );
  while (!signal.aborted) {
    try {
      const outcomes = await runHealthPass({
        intervalMs: options.healthIntervalMs,
        breaker: options.breaker,
        circuit: options.circuit,
        concurrency: options.concurrency,
        serverIds: options.serverIds,
        signal,
        logLine: options.logLine,
      });
      checks += outcomes.length;
      observeWorker.healthChecked(outcomes.map((outcome) => outcome.status));
      await runToolsRefreshPass({
        intervalMs: options.toolsIntervalMs,
        serverIds: options.serverIds,
        signal,
        logLine: options.logLine,
      });
      observeWorker.loopRan("health");
      if (failures > 0) log(`health checks work again after ${failures} failed attempts`);
      failures = 0;
    } catch (error) {
      failures++;
      if (failures === 1 || failures % 20 === 0) {
        log(`health checks failed (${failures}×, backing off): ${String(error)}`);
      }
    }
    const waitMs = failures > 0 ? Math.min(pollMs * 2 ** failures, MAX_BACKOFF_MS) : pollMs;
    await sleep(waitMs, signal);
  }
  log(`health loop stopped after ${checks} checks`);
}
