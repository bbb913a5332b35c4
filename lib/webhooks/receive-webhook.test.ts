import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/[slug]/route";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { getEnv } from "@/lib/env";
import { setIntegrationEnabled } from "@/lib/integrations/set-integration-enabled";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { type FlakyMcpServer, startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";
import { countWebhookRejection } from "@/lib/webhooks/count-webhook-rejection";
import { processDelivery } from "@/lib/webhooks/processing/process-delivery";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";
import { getWebhookMaxBodyBytes } from "@/lib/webhooks/webhook-body-limit";

// The public endpoint end to end, through the real route handler: real signatures, the real database, a real MCP
// server behind the route. Each test seeds its own integration and removes it.

const prisma = getPrisma();
const secret = `It's a Secret to ${randomUUID()}`;
const echoRoute = {
  isFallback: true,
  toolName: "echo",
  argumentsMapping: '{"message": payload.issue.title & " via " & eventType}',
};
let everything: EverythingServer;
let flaky: FlakyMcpServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [everything, flaky] = await Promise.all([startEverythingServer(), startFlakyMcpServer()]);
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await Promise.all([everything?.stop(), flaky?.stop()]);
});

async function seed(options: Omit<Parameters<typeof seedWebhookIntegration>[0], "secret">) {
  const seeded = await seedWebhookIntegration({ secret, ...options });
  cleanups.push(seeded.remove);
  return seeded;
}

// Every request gets its own source address so the per-IP limit of one test never touches another.
const randomIp = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function post(
  slug: string,
  body: string,
  options: { signature?: string; delivery?: string; event?: string; ip?: string } = {},
) {
  const request = new Request(`http://localhost/api/webhooks/${slug}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/test",
      "x-github-event": options.event ?? "issues",
      "x-github-delivery": options.delivery ?? randomUUID(),
      "x-hub-signature-256": options.signature ?? (await sign(secret, body)),
      "x-orbit-client-ip": options.ip ?? randomIp(),
    },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

const payload = JSON.stringify({ action: "opened", issue: { title: "It broke", labels: [] } });

describe("POST /api/webhooks/{slug}", () => {
  it("stores a signed GitHub delivery and answers with the echo tool's result in sync mode", async () => {
    const { integration } = await seed({ serverUrl: everything.url, routes: [echoRoute] });
    const delivery = randomUUID();
    const { response, json } = await post(integration.slug, payload, { delivery });

    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe(json.requestId);
    expect(json).toMatchObject({ status: "succeeded", tool: "echo", error: null });
    expect(json.result).toMatchObject({
      isError: false,
      content: [{ type: "text", text: expect.stringContaining("It broke via issues.opened") }],
    });

    const stored = await prisma.delivery.findUniqueOrThrow({ where: { id: json.deliveryId as string } });
    expect(stored).toMatchObject({
      deliveryKey: delivery,
      eventType: "issues",
      status: "succeeded",
      attempts: 1,
    });
    expect(stored.body).toBe(payload);
    expect(stored.lockedBy).toBeNull();
    // What describes the event is kept; what proves it never is.
    expect(stored.headers).toMatchObject({ "x-github-delivery": delivery, "x-github-event": "issues" });
    expect(Object.keys(stored.headers as object)).not.toContain("x-hub-signature-256");

    await flushRequestLog();
    const logged = await prisma.requestLog.findMany({ where: { deliveryId: stored.id } });
    expect(logged).toEqual([
      expect.objectContaining({
        source: "webhook",
        status: "succeeded",
        tool: "echo",
        integrationId: integration.id,
      }),
    ]);
  });

  it("refuses a wrong signature with 401 and stores nothing but a rejection count", async () => {
    const { integration } = await seed({ serverUrl: everything.url, routes: [echoRoute] });
    const before = countWebhookRejection.read(integration.id, "bad_signature");
    const forged = await sign("not the secret", payload);
    const { response, json } = await post(integration.slug, payload, { signature: forged });

    expect(response.status).toBe(401);
    expect(json).toMatchObject({ error: { code: "bad_signature" }, requestId: expect.any(String) });
    expect(await prisma.delivery.count({ where: { integrationId: integration.id } })).toBe(0);
    expect(countWebhookRejection.read(integration.id, "bad_signature")).toBe(before + 1);
  });

  it("refuses a body over the limit with 413", async () => {
    const { integration } = await seed({ serverUrl: everything.url, routes: [echoRoute] });
    const huge = JSON.stringify({ pad: "x".repeat(getWebhookMaxBodyBytes()) });
    const { response, json } = await post(integration.slug, huge, { signature: "sha256=00" });
    expect(response.status).toBe(413);
    expect(json).toMatchObject({ error: { code: "too_large" } });
    expect(await prisma.delivery.count({ where: { integrationId: integration.id } })).toBe(0);
  });

  it("answers 400 to malformed JSON that is correctly signed, and stores nothing", async () => {
    const { integration } = await seed({ serverUrl: everything.url, routes: [echoRoute] });
    const { response, json } = await post(integration.slug, "{not json");
    expect(response.status).toBe(400);
    expect(json).toMatchObject({ error: { code: "bad_request" } });
    expect(await prisma.delivery.count({ where: { integrationId: integration.id } })).toBe(0);

    // The same junk unsigned is a 401, not a 400: only a holder of the secret learns how the body was wrong.
    const unsigned = await post(integration.slug, "{not json", { signature: "sha256=00" });
    expect(unsigned.response.status).toBe(401);
  });

  it("answers 404 for an unknown or disabled slug", async () => {
    const unknown = await post(`nope-${randomUUID()}`, payload);
    expect(unknown.response.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: "not_found" } });

    const { integration } = await seed({ serverUrl: everything.url, routes: [echoRoute], enabled: false });
    const disabled = await post(integration.slug, payload);
    expect(disabled.response.status).toBe(404);
    expect(disabled.json.error).toEqual(unknown.json.error);
  });

  it("stops answering the moment its integration is disabled, and answers again once re-enabled", async () => {
    const { integration } = await seed({ serverUrl: everything.url, routes: [echoRoute], mode: "async" });
    const operator: Actor = { kind: "user", id: randomUUID(), email: "op@example.test", role: "operator" };
    const toggle = (enabled: boolean) =>
      setIntegrationEnabled({ actor: operator, integrationId: integration.id, enabled });

    expect((await post(integration.slug, payload)).response.status).toBe(202);
    await toggle(false);
    expect((await post(integration.slug, payload)).response.status).toBe(404);
    await toggle(true);
    expect((await post(integration.slug, payload)).response.status).toBe(202);
  });

  it("turns 20 concurrent copies of one delivery into one stored delivery and exactly one tool call", async () => {
    const { integration } = await seed({
      serverUrl: flaky.url,
      tools: [{ name: "charge", annotations: { destructiveHint: true, idempotentHint: false } }],
      routes: [{ isFallback: true, toolName: "charge", argumentsMapping: '{"amount": 5}' }],
    });
    const charges = flaky.counts().calls.charge;
    const delivery = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(integration.slug, payload, { delivery })),
    );

    expect(answers.map((a) => a.response.status).every((s) => s === 200 || s === 202)).toBe(true);
    const duplicates = answers.filter((a) => a.response.headers.get("x-orbit-duplicate") === "true");
    expect(duplicates).toHaveLength(19);
    expect(new Set(answers.map((a) => a.json.deliveryId)).size).toBe(1);
    expect(await prisma.delivery.count({ where: { integrationId: integration.id } })).toBe(1);
    expect(flaky.counts().calls.charge).toBe(charges + 1);

    // Sent again once it is finished: the first outcome, still one call.
    const again = await post(integration.slug, payload, { delivery });
    expect(again.response.status).toBe(200);
    expect(again.response.headers.get("x-orbit-duplicate")).toBe("true");
    expect(again.json).toMatchObject({ status: "succeeded", result: { isError: false } });
    expect(flaky.counts().calls.charge).toBe(charges + 1);
  });

  it("answers 202 past the sync deadline and still finishes the delivery", async () => {
    const { integration } = await seed({
      serverUrl: flaky.url,
      syncDeadlineMs: 200,
      routes: [{ isFallback: true, toolName: "slow", argumentsMapping: '{"ms": 600}' }],
    });
    const { response, json } = await post(integration.slug, payload);
    expect(response.status).toBe(202);
    expect(json).toMatchObject({ status: "processing" });
    const id = json.deliveryId as string;
    const deadline = Date.now() + 5_000;
    let status = "processing";
    while (status === "processing" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await prisma.delivery.findUniqueOrThrow({ where: { id } })).status;
    }
    expect(status).toBe("succeeded");
  });

  it("acknowledges an async delivery with 202 at once and processes it later", async () => {
    const { integration } = await seed({ serverUrl: everything.url, mode: "async", routes: [echoRoute] });
    const { response, json } = await post(integration.slug, payload);
    expect(response.status).toBe(202);
    expect(json).toMatchObject({ deliveryId: expect.any(String), status: "received" });

    const outcome = await processDelivery(json.deliveryId as string, { workerId: "test-worker" });
    expect(outcome).toMatchObject({ status: "succeeded", attempts: 1, tool: "echo" });
    const stored = await prisma.delivery.findUniqueOrThrow({ where: { id: json.deliveryId as string } });
    expect(stored).toMatchObject({ status: "succeeded", lockedBy: null, lockedUntil: null });
    expect(stored.finishedAt).toBeInstanceOf(Date);
  });

  it("limits one source address with 429 and Retry-After", async () => {
    const ip = randomIp();
    let limited: Response | null = null;
    const limit = getEnv().ORBIT_WEBHOOK_IP_RATE_PER_MINUTE;
    for (let i = 0; i <= limit && !limited; i++) {
      const { response } = await post(`nope-${randomUUID()}`, payload, { ip });
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
