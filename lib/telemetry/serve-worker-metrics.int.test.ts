import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { serveWorkerMetrics, type WorkerMetricsServer } from "@/lib/telemetry/serve-worker-metrics";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { startTestQueue } from "@/lib/test/start-test-queue";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { enqueueDeliveries } from "@/lib/webhooks/processing/enqueue-deliveries";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";
import { runQueueWorkers } from "@/lib/worker/run-queue-workers";

// The worker's scrape target, as Prometheus sees it: the worker's queue consumers (scoped to this file's integration and
// server, so other tests' rows are never touched) do real work against server-everything, then GET /metrics.

const prisma = getPrisma();
const HOUR = 60 * 60 * 1000;
let everything: EverythingServer;
let metrics: WorkerMetricsServer;
let seeded: Awaited<ReturnType<typeof seedWebhookIntegration>>;

beforeAll(async () => {
  everything = await startEverythingServer();
  seeded = await seedWebhookIntegration({
    serverUrl: everything.url,
    secret: "unused",
    mode: "async",
    tools: [{ name: "echo", annotations: { readOnlyHint: true } }],
    routes: [{ isFallback: true, toolName: "echo", argumentsMapping: '{"message": eventType}' }],
  });
  metrics = await serveWorkerMetrics({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await metrics?.close();
  await flushRequestLog();
  await seeded?.remove();
  await getToolCallDeps().pool.closeAll();
  await everything?.stop();
});

async function until(done: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the worker's metrics endpoint", () => {
  it("shows what the worker did: deliveries, their tool calls, health checks, when it last polled each queue", async () => {
    const started = Date.now() / 1000;
    const queue = await startTestQueue();
    for (let i = 0; i < 3; i++) {
      const delivery = await prisma.delivery.create({
        data: {
          integrationId: seeded.integration.id,
          deliveryKey: randomUUID(),
          eventType: "issues",
          headers: {},
          body: "{}",
          bodyBytes: 2,
          requestId: randomUUID(),
        },
      });
      await enqueueDeliveries([{ deliveryId: delivery.id }]);
    }
    const worker = runQueueWorkers({
      queue,
      workerId: "metrics-test",
      breaker: getToolCallDeps().breaker,
      jobConcurrency: 1,
      healthIntervalMs: HOUR,
      toolsIntervalMs: HOUR,
      tickMs: 100,
      pollMs: 50,
      only: { serverIds: [seeded.server.id], integrationIds: [seeded.integration.id] },
      logLine: () => {},
    });
    await until(
      async () =>
        (await prisma.delivery.count({
          where: { integrationId: seeded.integration.id, status: "succeeded" },
        })) === 3,
      "three deliveries",
    );
    await until(
      async () =>
        (await prisma.serverEndpoint.findFirst({ where: { serverId: seeded.server.id } }))?.healthStatus ===
        "healthy",
      "a health check",
    );
    await worker.stop(0);

    expect(metrics.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await fetch(metrics.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(sample(text, 'orbit_worker_deliveries_total{status="succeeded"}')).toBe(3);
    const slug = seeded.server.slug;
    expect(
      sample(text, `orbit_requests_total{source="webhook",server="${slug}",tool="echo",status="ok"}`),
    ).toBe(3);
    expect(sample(text, 'orbit_worker_health_checks_total{status="healthy"}')).toBe(1);
    for (const queue of ["orbit-deliveries", "orbit-health-checks", "orbit-tick", "orbit-jobs"]) {
      const lastRun = sample(text, `orbit_worker_queue_last_poll_timestamp_seconds{queue="${queue}"}`);
      expect(lastRun).toBeGreaterThanOrEqual(Math.floor(started));
      expect(lastRun).toBeLessThanOrEqual(Date.now() / 1000);
    }
    // Node's own: event-loop lag is how a busy worker shows before its consumers fall behind.
    expect(sample(text, "nodejs_eventloop_lag_seconds")).toEqual(expect.any(Number));
  });

  it("serves GET /metrics only", async () => {
    const base = metrics.url.replace(/\/metrics$/, "");
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(metrics.url, { method: "POST" })).status).toBe(404);
  });
});
