import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { updateServer } from "@/lib/servers/update-server";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { type FlakyMcpServer, startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";
import { startTestQueue } from "@/lib/test/start-test-queue";
import { claimDelivery } from "@/lib/webhooks/processing/claim-delivery";
import { enqueueDeliveries } from "@/lib/webhooks/processing/enqueue-deliveries";
import { processDelivery } from "@/lib/webhooks/processing/process-delivery";
import { type SeedRoute, seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";
import { runDeliveryConsumer } from "@/lib/worker/run-delivery-consumer";

// Processing against a real MCP server that can be told to fail, counting what reached it. Deliveries are written
// straight into the inbox (as receiveWebhook would in async mode) so each test controls its starting state.

const prisma = getPrisma();
const tools = [
  { name: "echo", annotations: { readOnlyHint: true, idempotentHint: true } },
  { name: "charge", annotations: { destructiveHint: true, idempotentHint: false } },
];
const chargeRoute: SeedRoute = { isFallback: true, toolName: "charge", argumentsMapping: '{"amount": 5}' };
const echoRoute: SeedRoute = { isFallback: true, toolName: "echo", argumentsMapping: '{"text": "hi"}' };
const cleanups: (() => Promise<void>)[] = [];
// One server per test: a failing test's open circuit must not leak into the next.
const servers: FlakyMcpServer[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await Promise.all(servers.map((server) => server.stop()));
});

async function setup(routes: SeedRoute[], retrySchedule?: number[]) {
  const server = await startFlakyMcpServer();
  servers.push(server);
  const seeded = await seedWebhookIntegration({
    serverUrl: server.url,
    secret: "unused",
    mode: "async",
    tools,
    routes,
    retrySchedule,
  });
  cleanups.push(seeded.remove);
  const inbox = async (payload: unknown = { action: "opened" }, eventType = "issues") => {
    const body = JSON.stringify(payload);
    return prisma.delivery.create({
      data: {
        integrationId: seeded.integration.id,
        deliveryKey: randomUUID(),
        eventType,
        headers: {},
        body,
        bodyBytes: Buffer.byteLength(body),
        requestId: randomUUID(),
      },
    });
  };
  return { server, integration: seeded.integration, inbox };
}

const reload = (id: string) => prisma.delivery.findUniqueOrThrow({ where: { id } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("processDelivery", () => {
  it("calls the routed tool and records success", async () => {
    const { server, inbox } = await setup([echoRoute]);
    const delivery = await inbox();
    const outcome = await processDelivery(delivery.id, { workerId: "w1" });
    expect(outcome).toMatchObject({ status: "succeeded", attempts: 1, tool: "echo" });
    expect(await reload(delivery.id)).toMatchObject({
      status: "succeeded",
      result: { content: [{ text: "hi" }] },
    });
    expect(server.counts().calls.echo).toBe(1);
    // Finished: nobody can claim it again.
    expect(await processDelivery(delivery.id, { workerId: "w2" })).toBeNull();
  });

  it("lets only one of two racing processors call the tool", async () => {
    const { server, inbox } = await setup([chargeRoute]);
    const delivery = await inbox();
    const outcomes = await Promise.all([
      processDelivery(delivery.id, { workerId: "a" }),
      processDelivery(delivery.id, { workerId: "b" }),
    ]);
    expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
    expect(server.counts().calls.charge).toBe(1);
    expect(await reload(delivery.id)).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("retries a failing idempotent call on the schedule, then dead-letters it", async () => {
    const { server, inbox } = await setup([echoRoute], [0, 0]);
    server.setMode("fail500");
    const delivery = await inbox();
    const fast = { workerId: "w" };

    const first = await processDelivery(delivery.id, fast);
    expect(first).toMatchObject({ status: "retrying", attempts: 1, errorCode: "upstream_error" });
    const retrying = await reload(delivery.id);
    expect(retrying.nextAttemptAt).toBeInstanceOf(Date);
    expect(retrying.lockedBy).toBeNull();

    const second = await processDelivery(delivery.id, fast);
    expect(second).toMatchObject({ status: "dead", attempts: 2 });
    expect((await reload(delivery.id)).finishedAt).toBeInstanceOf(Date);
    expect(await processDelivery(delivery.id, fast)).toBeNull();
  });

  it("waits for nextAttemptAt before retrying", async () => {
    const { server, inbox } = await setup([echoRoute], [0, 30]);
    server.setMode("fail500", { times: 3 });
    const delivery = await inbox();
    expect(await processDelivery(delivery.id, { workerId: "w" })).toMatchObject({ status: "retrying" });
    const { nextAttemptAt } = await reload(delivery.id);
    // 30 s ± 20 %.
    expect(nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(20_000);
    expect(await processDelivery(delivery.id, { workerId: "w" })).toBeNull();
  });

  it("never repeats a non-idempotent call whose answer was lost: dead at once", async () => {
    const { server, inbox } = await setup([chargeRoute], [0, 0, 0]);
    server.setMode("drop", { times: 1 });
    const delivery = await inbox();
    const outcome = await processDelivery(delivery.id, { workerId: "w" });
    expect(outcome).toMatchObject({ status: "dead", attempts: 1 });
    expect(outcome?.errorMessage).toContain("Not retried");
    expect(server.counts().calls.charge).toBe(1);
  });

  it("retries a non-idempotent call that never reached the server (connection refused), calling it once", async () => {
    const { server, integration, inbox } = await setup([chargeRoute], [0, 0, 0]);
    const route = await prisma.integrationRoute.findFirstOrThrow({
      where: { integrationId: integration.id },
    });
    const endpoint = { serverId: route.serverId! };
    const live = (await prisma.serverEndpoint.findFirstOrThrow({ where: endpoint })).url;
    // Endpoints change the way an operator changes them, so every cache of this instance follows at once.
    const pointAt = (url: string) =>
      updateServer({ actor: { kind: "cli" }, serverId: endpoint.serverId, input: { endpoints: [{ url }] } });
    await pointAt(`http://127.0.0.1:${await findClosedPort()}/mcp`);
    const delivery = await inbox();

    const first = await processDelivery(delivery.id, { workerId: "w" });
    expect(first).toMatchObject({ status: "retrying" });
    expect(server.counts().calls.charge ?? 0).toBe(0);

    // The server comes back (here: the endpoint points at it again); the next attempt charges exactly once.
    await pointAt(live);
    const second = await processDelivery(delivery.id, { workerId: "w" });
    expect(second).toMatchObject({ status: "succeeded" });
    expect(server.counts().calls.charge).toBe(1);
  });

  it("keeps a tool's own error as a failed delivery, not retried", async () => {
    const { server, inbox } = await setup(
      [{ isFallback: true, toolName: "charge", argumentsMapping: '{"amount": -1}' }],
      [0, 0],
    );
    const delivery = await inbox();
    const outcome = await processDelivery(delivery.id, { workerId: "w" });
    expect(outcome).toMatchObject({ status: "failed", errorCode: "tool_error", result: { isError: true } });
    expect(server.counts().calls.charge).toBe(1);
  });

  it("completes a delivery whose processor crashed once its lock expires, calling the tool once", async () => {
    const { server, inbox } = await setup([chargeRoute]);
    const delivery = await inbox();
    // A processor claims it and dies before doing anything.
    expect(await claimDelivery(delivery.id, { workerId: "crashed", lockMs: 300 })).not.toBeNull();
    expect(await processDelivery(delivery.id, { workerId: "rescuer" })).toBeNull();

    await sleep(400);
    const outcome = await processDelivery(delivery.id, { workerId: "rescuer" });
    expect(outcome).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(server.counts().calls.charge).toBe(1);
  });

  it("marks an event no route matches as unrouted", async () => {
    const { server, inbox } = await setup([{ toolName: "echo", match: { eventType: "never.happens" } }]);
    const delivery = await inbox({ action: "opened" }, "issues");
    expect(await processDelivery(delivery.id, { workerId: "w" })).toMatchObject({ status: "unrouted" });
    expect(await reload(delivery.id)).toMatchObject({ status: "unrouted", routeId: null });
    expect(server.counts().calls.echo).toBe(0);
  });

  it("fails a start_job route that names no playbook visibly, without retrying", async () => {
    const { inbox } = await setup([{ isFallback: true, actionType: "start_job" }]);
    const delivery = await inbox();
    expect(await processDelivery(delivery.id, { workerId: "w" })).toMatchObject({
      status: "failed",
      errorCode: "unprocessable",
    });
  });

  it("fails a delivery whose argument mapping does not fit, without retrying", async () => {
    const { inbox } = await setup(
      [{ isFallback: true, toolName: "echo", argumentsMapping: "$error('no')" }],
      [0, 0],
    );
    const delivery = await inbox();
    expect(await processDelivery(delivery.id, { workerId: "w" })).toMatchObject({
      status: "failed",
      errorCode: "unprocessable",
    });
  });
});

describe("runDeliveryConsumer", () => {
  it("drains queued deliveries with bounded concurrency, each once, and stops cleanly", async () => {
    const { server, integration, inbox } = await setup([echoRoute]);
    const queue = await startTestQueue();
    const deliveries = await Promise.all(Array.from({ length: 12 }, () => inbox()));
    // Each queued twice (a sweep repeating the intake's wake-up): the second entry finds it done.
    await enqueueDeliveries(deliveries.map((d) => ({ deliveryId: d.id })));
    const consumers = [1, 2].map(() =>
      runDeliveryConsumer({ queue, workerId: "consumer", concurrency: 4, pollMs: 50 }),
    );
    await enqueueDeliveries(deliveries.map((d) => ({ deliveryId: d.id })));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const done = await prisma.delivery.count({
        where: { integrationId: integration.id, status: "succeeded" },
      });
      if (done === deliveries.length) break;
      await sleep(50);
    }
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    expect(
      await prisma.delivery.count({ where: { integrationId: integration.id, status: "succeeded" } }),
    ).toBe(12);
    expect(server.counts().calls.echo).toBe(12);
    const attempts = await prisma.delivery.findMany({
      where: { integrationId: integration.id },
      select: { attempts: true },
    });
    expect(attempts.map((d) => d.attempts)).toEqual(Array(12).fill(1));
  });
});
