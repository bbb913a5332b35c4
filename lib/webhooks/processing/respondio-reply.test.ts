import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/[slug]/route";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { type FlakyMcpServer, startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";
import { type RespondioStandIn, startRespondioStandIn } from "@/lib/test/start-respondio-stand-in";
import { processDelivery } from "@/lib/webhooks/processing/process-delivery";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";

// A Respond.io message.received, signed as Respond.io signs it, through the real route handler; the tool's answer goes
// back to the contact through a local stand-in of Respond.io's send API.

const prisma = getPrisma();
const secret = `respondio-${randomUUID()}`;
const token = `rio-token-${randomUUID()}`;
let everything: EverythingServer;
let standIn: RespondioStandIn;
const flakies: FlakyMcpServer[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [everything, standIn] = await Promise.all([startEverythingServer(), startRespondioStandIn({ token })]);
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await Promise.all([everything?.stop(), standIn?.stop(), ...flakies.map((f) => f.stop())]);
});

function messageReceived(text: string, contactId: number) {
  return JSON.stringify({
    event_type: "message.received",
    contact: { id: contactId, firstName: "Ada", phone: "+4915112345678", email: "ada@example.com" },
    channel: { id: 42, name: "WhatsApp Support", source: "whatsapp" },
    message: {
      messageId: Math.floor(Math.random() * 1e12),
      contactId,
      channelId: 42,
      traffic: "incoming",
      timestamp: Date.now(),
      message: { type: "text", text },
    },
  });
}

async function post(slug: string, body: string) {
  const request = new Request(`http://localhost/api/webhooks/${slug}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-webhook-signature": createHmac("sha256", secret).update(body).digest("base64"),
      "x-orbit-client-ip": `203.0.113.${Math.floor(Math.random() * 250)}`,
    },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

async function seed(options: {
  serverUrl: string;
  replyToken?: string;
  mode?: "sync" | "async";
  channelId?: string;
  argumentsMapping: string;
}) {
  const seeded = await seedWebhookIntegration({
    kind: "respondio",
    secret,
    serverUrl: options.serverUrl,
    mode: options.mode ?? "sync",
    retrySchedule: [0, 0, 0],
    tools: [{ name: "echo", annotations: { readOnlyHint: true, idempotentHint: true } }],
    routes: [{ isFallback: true, toolName: "echo", argumentsMapping: options.argumentsMapping }],
    reply: { baseUrl: standIn.baseUrl, token: options.replyToken ?? token, channelId: options.channelId },
  });
  cleanups.push(seeded.remove);
  return seeded.integration;
}

async function flaky() {
  const server = await startFlakyMcpServer();
  flakies.push(server);
  return server;
}

describe("Respond.io reply", () => {
  it("sends the echo tool's text to the contact, with the channel and the bearer token", async () => {
    const integration = await seed({
      serverUrl: everything.url,
      argumentsMapping: '{"message": payload.message.message.text}',
    });
    const contactId = 100_000 + Math.floor(Math.random() * 1e6);
    const { response, json } = await post(integration.slug, messageReceived("Wo ist mein Paket?", contactId));

    expect(response.status).toBe(200);
    expect(json).toMatchObject({ status: "succeeded", tool: "echo" });
    expect(json.result).toMatchObject({ reply: { status: "sent", attempts: 1 } });
    const sent = standIn.messages.filter((m) => m.contact === `id:${contactId}`);
    expect(sent).toEqual([
      {
        contact: `id:${contactId}`,
        body: { channelId: 42, message: { type: "text", text: "Echo: Wo ist mein Paket?" } },
        messageId: expect.any(Number),
      },
    ]);
    const stored = await prisma.delivery.findUniqueOrThrow({ where: { id: json.deliveryId as string } });
    expect(stored.result).toMatchObject({ reply: { status: "sent", messageId: String(sent[0]?.messageId) } });

    await flushRequestLog();
    const rows = await prisma.requestLog.findMany({
      where: { deliveryId: stored.id, tool: "respondio.reply" },
    });
    expect(rows).toMatchObject([{ source: "webhook", status: "sent", integrationId: integration.id }]);
  });

  it("waits out one 429 and still delivers exactly one message, calling the tool once", async () => {
    const server = await flaky();
    const integration = await seed({
      serverUrl: server.url,
      channelId: "7",
      mode: "async",
      argumentsMapping: '{"text": "Echo: " & payload.message.message.text}',
    });
    const contactId = 200_000 + Math.floor(Math.random() * 1e6);
    const { json } = await post(integration.slug, messageReceived("429 please", contactId));
    expect(json.status).toBe("received");

    standIn.failNext(429, { retryAfter: "1" });
    const before = standIn.requests();
    const outcome = await processDelivery(json.deliveryId as string, { workerId: "reply-test" });
    expect(outcome).toMatchObject({
      status: "succeeded",
      result: { reply: { status: "sent", attempts: 2 } },
    });
    expect(standIn.requests() - before).toBe(2);
    expect(standIn.messages.filter((m) => m.contact === `id:${contactId}`)).toMatchObject([
      { body: { channelId: 7, message: { type: "text", text: "Echo: 429 please" } } },
    ]);
    expect(server.counts().calls.echo).toBe(1);
    // Finished: no processor picks it up again, so no second tool call and no second message.
    expect(await processDelivery(json.deliveryId as string, { workerId: "again" })).toBeNull();
  });

  it("records a wrong token as a failed reply on a succeeded delivery, without calling the tool again", async () => {
    const server = await flaky();
    const integration = await seed({
      serverUrl: server.url,
      replyToken: "wrong-token",
      argumentsMapping: '{"text": "Echo: " & payload.message.message.text}',
    });
    const contactId = 300_000 + Math.floor(Math.random() * 1e6);
    const { json } = await post(integration.slug, messageReceived("hello", contactId));

    expect(json).toMatchObject({
      status: "succeeded",
      result: { reply: { status: "failed", attempts: 1, error: expect.stringContaining("401") } },
    });
    expect(standIn.messages.filter((m) => m.contact === `id:${contactId}`)).toEqual([]);
    expect(server.counts().calls.echo).toBe(1);
    const stored = await prisma.delivery.findUniqueOrThrow({ where: { id: json.deliveryId as string } });
    expect(stored).toMatchObject({ status: "succeeded", attempts: 1, nextAttemptAt: null });
    expect(await processDelivery(stored.id, { workerId: "again" })).toBeNull();
    expect(server.counts().calls.echo).toBe(1);

    await flushRequestLog();
    const rows = await prisma.requestLog.findMany({
      where: { deliveryId: stored.id, tool: "respondio.reply" },
    });
    expect(rows).toMatchObject([{ status: "failed", errorCode: "reply_failed" }]);
  });
});
