import { hostname } from "node:os";
import { prepareLocalEnvironment } from "@/lib/boot/prepare-local-environment";
import { getPrisma } from "@/lib/db/get-prisma";
import { getEnv } from "@/lib/env";
import { runHealthLoop } from "@/lib/health/run-health-loop";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { runDeliveryLoop } from "@/lib/worker/run-delivery-loop";

// The worker process (`npm run worker`, or spawned by `npm start`). It consumes the webhook inbox (async deliveries,
// retries on their schedule, deliveries whose processor died) and runs the upstream health checks and periodic tool
// refresh. The job queue and Docker healer land in a later issue, each as another loop started here.

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

async function main(): Promise<void> {
  // Under `npm start` the launcher passes DATABASE_URL; run alone, the worker joins the embedded database.
  const local = await prepareLocalEnvironment();
  const prisma = getPrisma();
  await waitForDatabase(prisma);
  const workerId = `worker-${hostname()}-${process.pid}`;
  log(`worker started (${workerId})`);

  const stop = new AbortController();
  const deliveries = runDeliveryLoop({ workerId, signal: stop.signal, log });
  const env = getEnv();
  const health = runHealthLoop({
    signal: stop.signal,
    // The circuits tool calls use, so a check's verdict opens or closes the same circuit a call sees.
    breaker: getToolCallDeps().breaker,
    healthIntervalMs: env.ORBIT_HEALTH_INTERVAL_SECONDS * 1000,
    toolsIntervalMs: env.ORBIT_TOOLS_REFRESH_SECONDS * 1000,
    log,
  });

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: finishing deliveries in flight`);
      stop.abort();
      await Promise.all([deliveries, health]);
      // Buffered request-log rows are written before the connection closes; losing them is the one thing to avoid.
      await flushRequestLog();
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
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
