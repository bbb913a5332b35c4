import { hostname } from "node:os";
import { prepareLocalEnvironment } from "@/lib/boot/prepare-local-environment";
import { getPrisma } from "@/lib/db/get-prisma";
import { runConfiguredContainerWatcher } from "@/lib/docker/run-configured-container-watcher";
import { getEnv } from "@/lib/env";
import { createQueue } from "@/lib/queue/create-queue";
import { installQueue, stopQueue } from "@/lib/queue/get-queue";
import { log as orbitLog } from "@/lib/telemetry/log";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTracing } from "@/lib/telemetry/register-tracing";
import { serveWorkerMetrics } from "@/lib/telemetry/serve-worker-metrics";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { runQueueWorkers } from "@/lib/worker/run-queue-workers";
import { runWorkerHeartbeat } from "@/lib/worker/run-worker-heartbeat";

// The worker process (`npm run worker`, or spawned by `npm start`). Everything it does on behalf of others comes from
// the pg-boss queue (lib/queue): async webhook deliveries and their retries, deliveries a dead processor left behind,
// upstream health checks and tool refreshes (queued by a periodic tick), and jobs (lib/jobs). Besides, it follows the
// container engine to heal containers (lib/docker) and writes its heartbeat.

// The worker's own messages, as JSON lines like every other Orbit log.
const log = (line: string) => orbitLog.info(line);

async function main(): Promise<void> {
  // First, so spans of everything below (tool calls of deliveries) are exported when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = await registerTracing("worker");
  // Under `npm start` the launcher passes DATABASE_URL; run alone, the worker joins the embedded database.
  const local = await prepareLocalEnvironment();
  const prisma = getPrisma();
  await waitForDatabase(prisma);
  const workerId = `worker-${hostname()}-${process.pid}`;
  log(`worker started (${workerId})`);
  const env = getEnv();
  // Counters live in the process that counts: the worker's are scraped here, not at the web's /api/metrics.
  const metricsServer = env.ORBIT_WORKER_METRICS_PORT
    ? await serveWorkerMetrics({ host: env.ORBIT_WORKER_METRICS_HOST, port: env.ORBIT_WORKER_METRICS_PORT })
    : null;
  if (metricsServer) log(`worker metrics at ${metricsServer.url}`);

  const stop = new AbortController();
  const heartbeat = runWorkerHeartbeat({
    workerId,
    intervalMs: env.ORBIT_WORKER_HEARTBEAT_SECONDS * 1000,
    signal: stop.signal,
    log,
  });
  // The supervising handle (its maintenance expires the entries of dead workers); this process's sends use it too.
  const queue = await createQueue({
    databaseUrl: env.DATABASE_URL,
    supervise: true,
    maintenanceSeconds: env.ORBIT_JOB_MAINTENANCE_SECONDS,
    max: env.ORBIT_JOB_CONCURRENCY + 6,
  });
  installQueue(queue);
  const work = runQueueWorkers({
    queue,
    workerId,
    breaker: getToolCallDeps().breaker,
    jobConcurrency: env.ORBIT_JOB_CONCURRENCY,
    healthIntervalMs: env.ORBIT_HEALTH_INTERVAL_SECONDS * 1000,
    toolsIntervalMs: env.ORBIT_TOOLS_REFRESH_SECONDS * 1000,
  });
  // Follows DOCKER_HOST's engine and heals containers; with no engine there it says so once and retries quietly.
  const containers = runConfiguredContainerWatcher({
    signal: stop.signal,
    workerId,
    breaker: getToolCallDeps().breaker,
    log,
  });

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: finishing deliveries and jobs in flight`);
      // Queue work first, while the heartbeat still says this worker is alive: delivery attempts finish, jobs finish
      // within the grace or are handed back; then pg-boss records those outcomes before it lets go of its pool.
      await work.stop(env.ORBIT_JOB_SHUTDOWN_GRACE_SECONDS * 1000);
      await stopQueue();
      stop.abort();
      await Promise.all([containers, heartbeat]);
      // Buffered request-log rows are written before the connection closes; losing them is the one thing to avoid.
      await flushRequestLog();
      await tracing?.shutdown();
      await metricsServer?.close();
      await getToolCallDeps().pool.closeAll();
      await prisma.$disconnect();
      await local.stop();
      log("worker stopped");
      process.exit(0);
    });
  }
}

// A worker started while the database restarts waits for it (with backoff) instead of exiting: nothing it would do
// is possible without the database, and exiting only moves the retry to whoever supervises the process.
async function waitForDatabase(prisma: ReturnType<typeof getPrisma>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await prisma.$queryRaw`SELECT 1`;
      return;
    } catch (error) {
      const waitMs = Math.min(500 * 2 ** attempt, 15_000);
      if (attempt === 1 || attempt % 10 === 0) {
        log(`database not reachable (attempt ${attempt}), retrying in ${waitMs} ms: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

main().catch((error: unknown) => {
  orbitLog.error("worker stopped on an error", { error });
  process.exit(1);
});
