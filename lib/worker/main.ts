import { hostname } from "node:os";
import { prepareLocalEnvironment } from "@/lib/boot/prepare-local-environment";
import { getPrisma } from "@/lib/db/get-prisma";
import { runConfiguredContainerWatcher } from "@/lib/docker/run-configured-container-watcher";
import { getEnv } from "@/lib/env";
import { runHealthLoop } from "@/lib/health/run-health-loop";
import { runJobWorker } from "@/lib/jobs/run-job-worker";
import { log as orbitLog } from "@/lib/telemetry/log";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTracing } from "@/lib/telemetry/register-tracing";
import { serveWorkerMetrics } from "@/lib/telemetry/serve-worker-metrics";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { runDeliveryLoop } from "@/lib/worker/run-delivery-loop";
import { runWorkerHeartbeat } from "@/lib/worker/run-worker-heartbeat";

// The worker process (`npm run worker`, or spawned by `npm start`). It consumes the webhook inbox (async deliveries,
// retries on their schedule, deliveries whose processor died) and runs the upstream health checks and periodic tool
// refresh, follows the container engine to heal containers (lib/docker), and runs jobs from the pg-boss queue
// (lib/jobs). The inbox and health loops keep their own database claims for now; jobs are the queue's first tenant.

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
  const jobs = await runJobWorker({
    databaseUrl: env.DATABASE_URL,
    workerId,
    concurrency: env.ORBIT_JOB_CONCURRENCY,
    maintenanceSeconds: env.ORBIT_JOB_MAINTENANCE_SECONDS,
    retryLimit: env.ORBIT_JOB_RETRY_LIMIT,
  });
  const deliveries = runDeliveryLoop({ workerId, signal: stop.signal, log });
  const health = runHealthLoop({
    signal: stop.signal,
    // The circuits tool calls use, so a check's verdict opens or closes the same circuit a call sees.
    breaker: getToolCallDeps().breaker,
    healthIntervalMs: env.ORBIT_HEALTH_INTERVAL_SECONDS * 1000,
    toolsIntervalMs: env.ORBIT_TOOLS_REFRESH_SECONDS * 1000,
    log,
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
      // Jobs first, while the heartbeat still says this worker is alive: finished within the grace, or handed back.
      await jobs.stop(env.ORBIT_JOB_SHUTDOWN_GRACE_SECONDS * 1000);
      stop.abort();
      await Promise.all([deliveries, health, containers, heartbeat]);
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
