import type { HealthCheckClaim } from "@/lib/health/claim-due-health-checks";
import type { ToolRefreshClaim } from "@/lib/health/claim-due-tool-refreshes";
import { refreshClaimedServer } from "@/lib/health/refresh-claimed-server";
import { runReplicaCheck } from "@/lib/health/run-replica-check";
import { runJobWorker } from "@/lib/jobs/run-job-worker";
import type { Queue } from "@/lib/queue/create-queue";
import { HEALTH_CHECKS_QUEUE, TICK_QUEUE, TOOL_REFRESHES_QUEUE } from "@/lib/queue/queue-definitions";
import { runQueueConsumer } from "@/lib/queue/run-queue-consumer";
import type { CircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { log } from "@/lib/telemetry/log";
import { observeWorker } from "@/lib/telemetry/observe-worker";
import { queueDueWork } from "./queue-due-work";
import { runDeliveryConsumer } from "./run-delivery-consumer";

export type QueueWorkers = {
  /** Stops taking work; jobs get `jobGraceMs` before they are handed back, delivery attempts always finish. */
  stop(jobGraceMs: number): Promise<void>;
  runningJobs(): number;
};

/**
 * Everything the worker does from the queue: jobs, webhook deliveries and their retries, replica health checks, tool
 * refreshes, and the tick that queues the periodic ones. Each worker proposes a tick every `tickMs`; the tick queue
 * keeps at most one waiting, so however many workers run, due work is claimed about once per tick, and the entries
 * it queues are shared by every worker's consumers.
 */
export function runQueueWorkers(options: {
  queue: Queue;
  workerId: string;
  /** The circuits tool calls use, so a check's verdict opens or closes the same circuit a call sees. */
  breaker: CircuitBreaker;
  jobConcurrency: number;
  healthIntervalMs: number;
  toolsIntervalMs: number;
  /** How often a tick is proposed; by default the health interval, at most 5 s. */
  tickMs?: number;
  pollMs?: number;
  /** Only these servers and integrations (tests, which share one database). */
  only?: { serverIds: string[]; integrationIds: string[] };
  logLine?: (line: string) => void;
}): QueueWorkers {
  const { queue } = options;
  const pollMs = options.pollMs;
  const jobs = runJobWorker({
    queue,
    workerId: options.workerId,
    concurrency: options.jobConcurrency,
    pollMs,
  });
  const deliveries = runDeliveryConsumer({ queue, workerId: options.workerId, pollMs, log: log.warn });
  const health = runQueueConsumer<Pick<HealthCheckClaim, "endpointId" | "serverId" | "url">>({
    queue,
    name: HEALTH_CHECKS_QUEUE,
    concurrency: 4,
    pollMs: pollMs ?? 1_000,
    log: log.warn,
    async handle({ data, signal }) {
      const outcome = await runReplicaCheck(data, {
        breaker: options.breaker,
        signal,
        logLine: options.logLine,
      });
      if (outcome) observeWorker.healthChecked([outcome.status]);
    },
  });
  const tools = runQueueConsumer<ToolRefreshClaim>({
    queue,
    name: TOOL_REFRESHES_QUEUE,
    concurrency: 2,
    pollMs: pollMs ?? 1_000,
    log: log.warn,
    handle: async ({ data }) => {
      await refreshClaimedServer(data, options.logLine);
    },
  });
  const tick = runQueueConsumer<Record<string, never>>({
    queue,
    name: TICK_QUEUE,
    concurrency: 1,
    pollMs: pollMs ?? 1_000,
    log: log.warn,
    async handle() {
      await queueDueWork(queue, options);
      health.wake();
      tools.wake();
      deliveries.wake();
    },
  });

  const propose = () => {
    queue.send(TICK_QUEUE, {}).then(
      () => tick.wake(),
      (error: unknown) => log.warn("tick not proposed", { error }),
    );
  };
  propose();
  const proposer = setInterval(propose, options.tickMs ?? Math.min(options.healthIntervalMs, 5_000));
  proposer.unref();

  return {
    runningJobs: jobs.running,
    async stop(jobGraceMs) {
      clearInterval(proposer);
      // Health checks and refreshes are cut short (they record nothing and fall due again); the rest finish.
      await Promise.all([
        jobs.stop(jobGraceMs),
        deliveries.stop(),
        health.stop(0),
        tools.stop(0),
        tick.stop(),
      ]);
    },
  };
}
