import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import type { Queue } from "@/lib/queue/create-queue";
import { type FlakyMcpServer, startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";
import { startTestQueue } from "@/lib/test/start-test-queue";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { enqueueDeliveries } from "@/lib/webhooks/processing/enqueue-deliveries";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";
import { type QueueWorkers, runQueueWorkers } from "./run-queue-workers";

// The worker's webhook side on the real queue (pg-boss on the test database, this file's own schema): retries come
// back from their queue entry at their time, and deliveries the queue never heard of (a crash between the inbox
// write and the send, a sync attempt whose process died) are found by the tick's sweep. Scoped to this file's
// integrations, so other files' rows are never touched.

const prisma = getPrisma();
const HOUR = 60 * 60 * 1000;
const cleanups: (() => Promise<void>)[] = [];
let queue: Queue;
let server: FlakyMcpServer;
let workers: QueueWorkers | null = null;

beforeAll(async () => {
  queue = await startTestQueue();
  server = await startFlakyMcpServer();
});

afterAll(async () => {
  await workers?.stop(0);
  for (const cleanup of cleanups) await cleanup();
  await getToolCallDeps().pool.closeAll();
  await server?.stop();
});

async function integration(retrySchedule: number[]) {
  const seeded = await seedWebhookIntegration({
    serverUrl: server.url,
    secret: "unused",
    mode: "async",
    tools: [{ name: "echo", annotations: { readOnlyHint: true, idempotentHint: true } }],
    routes: [{ isFallback: true, toolName: "echo", argumentsMapping: '{"text": "hi"}' }],
    retrySchedule,
  });
  cleanups.push(seeded.remove);
  return seeded.integration;
}

function inbox(
  integrationId: string,
  extra: { receivedAt?: Date; status?: "processing"; lockedUntil?: Date } = {},
) {
  const body = JSON.stringify({ action: "opened" });
  return prisma.delivery.create({
    data: {
      integrationId,
      deliveryKey: randomUUID(),
      eventType: "issues",
      headers: {},
      body,
      bodyBytes: Buffer.byteLength(body),
      requestId: randomUUID(),
      ...extra,
      ...(extra.status ? { lockedBy: "web-dead:token", attempts: 1 } : {}),
    },
  });
}

function startWorkers(integrationIds: string[]) {
  workers = runQueueWorkers({
    queue,
    workerId: `queue-test-${randomUUID().slice(0, 8)}`,
    breaker: getToolCallDeps().breaker,
    jobConcurrency: 1,
    healthIntervalMs: HOUR,
    toolsIntervalMs: HOUR,
    tickMs: 200,
    pollMs: 100,
    only: { serverIds: [], integrationIds },
  });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("deliveries on the queue", () => {
  it("runs a failed delivery's retry from its queue entry when its time comes, not before", async () => {
    const { id: integrationId } = await integration([0, 2]);
    // Failing until the first attempt has given up (the call's own quick retries included), then answering.
    server.setMode("fail500");
    const delivery = await inbox(integrationId);
    await enqueueDeliveries([{ deliveryId: delivery.id }]);
    startWorkers([integrationId]);

    const retrying = await until(
      () => prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } }),
      (d) => d.status === "retrying",
      "the first attempt",
    );
    server.setMode("ok");
    const due = retrying.nextAttemptAt!.getTime();
    const done = await until(
      () => prisma.delivery.findUniqueOrThrow({ where: { id: delivery.id } }),
      (d) => d.status === "succeeded",
      "the retry",
    );
    expect(done).toMatchObject({ attempts: 2, errorCode: null });
    // The second attempt's request-log row is written when it ends: not before the retry was due.
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(due);
    await workers!.stop(0);
    workers = null;
  });

  it("finds deliveries the queue never heard of, and one a dead sync processor left behind, on its tick", async () => {
    const { id: integrationId } = await integration([0, 1]);
    server.setMode("ok");
    const before = server.counts().calls.echo ?? 0;
    const minuteAgo = new Date(Date.now() - 60_000);
    // Stored and never queued (the process died between the two), and stored too recently to be called stranded.
    const lost = await inbox(integrationId, { receivedAt: minuteAgo });
    const fresh = await inbox(integrationId);
    // A sync attempt whose web process died: still "processing", its lock expired a second ago.
    const orphan = await inbox(integrationId, {
      receivedAt: minuteAgo,
      status: "processing",
      lockedUntil: new Date(Date.now() - 1_000),
    });
    startWorkers([integrationId]);

    for (const id of [lost.id, orphan.id]) {
      await until(
        () => prisma.delivery.findUniqueOrThrow({ where: { id } }),
        (d) => d.status === "succeeded",
        `delivery ${id}`,
      );
    }
    // The recent one waits for its own wake-up (or the sweep, once it is 30 s old): the sweep is a safety net.
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("received");
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: orphan.id } })).attempts).toBe(2);
    expect((server.counts().calls.echo ?? 0) - before).toBe(2);
    await workers!.stop(0);
    workers = null;
  });
});
