import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/[slug]/route";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { updateToolOverrides } from "@/lib/tools/update-tool-overrides";
import { processDelivery } from "@/lib/webhooks/processing/process-delivery";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";
import { callChatTool } from "./call-chat-tool";
import { readChatDelivery } from "./read-chat-delivery";
import { sendChatMessage } from "./send-chat-message";

// Chat testing end to end: the message goes out signed over real HTTP into the real webhook route handler (a small
// node:http server stands where `next start` would), through routing and the tool call to the reference MCP server,
// and the turn is read back from the delivery and request-log rows the pipeline wrote.

const prisma = getPrisma();
let web: Server;
let origin: string;
let everything: EverythingServer;
const cleanups: (() => Promise<void>)[] = [];
const operator = { kind: "user", id: randomUUID(), email: "chat@example.com", role: "operator" } as const;
const viewer = { ...operator, role: "viewer" } as const;

beforeAll(async () => {
  everything = await startEverythingServer();
  web = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    headers.set("x-orbit-client-ip", `192.0.2.${Math.floor(Math.random() * 250)}`);
    const slug = decodeURIComponent((req.url ?? "").split("/").pop() ?? "");
    const response = await POST(
      new Request(`http://${req.headers.host}${req.url}`, {
        method: "POST",
        headers,
        body: Buffer.concat(chunks),
      }),
      { params: Promise.resolve({ slug }) },
    );
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
  });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await flushRequestLog();
  for (const cleanup of cleanups) await cleanup();
  await getToolCallDeps().pool.closeAll();
  await everything?.stop();
  await new Promise((resolve) => web?.close(resolve));
});

// As an operator does on the tool page, so this instance forgets its cached tool at once.
async function disable(serverId: string, name: string) {
  const tool = await prisma.tool.findUniqueOrThrow({ where: { serverId_name: { serverId, name } } });
  await updateToolOverrides({
    actor: operator,
    overrides: {
      toolId: tool.id,
      enabled: false,
      descriptionOverride: null,
      cacheTtlSeconds: null,
      retryOverride: null,
    },
  });
}

async function seed(mode: "sync" | "async", retrySchedule?: number[]) {
  const seeded = await seedWebhookIntegration({
    serverUrl: everything.url,
    secret: `chat-${randomUUID()}`,
    mode,
    retrySchedule,
    tools: [{ name: "echo", annotations: { readOnlyHint: true } }],
    routes: [
      {
        name: "echo issues",
        match: { eventType: "issues.opened" },
        toolName: "echo",
        argumentsMapping: '{"message": text}',
      },
    ],
  });
  cleanups.push(async () => {
    await prisma.requestLog.deleteMany({ where: { integrationId: seeded.integration.id } });
    await prisma.requestLog.deleteMany({ where: { serverId: seeded.server.id } });
    await seeded.remove();
  });
  return seeded;
}

describe("chat through an integration", () => {
  it("answers a sync integration inline with the route, tool, arguments, result, latency, attempts and cache", async () => {
    const { integration } = await seed("sync");
    const turn = await sendChatMessage({
      actor: operator,
      integrationId: integration.id,
      text: "Printer on fire",
      origin,
    });
    expect(turn).toMatchObject({
      via: "integration",
      httpStatus: 200,
      status: "succeeded",
      terminal: true,
      route: { name: "echo issues" },
      tool: "echo",
      arguments: { message: "Printer on fire" },
      result: { isError: false, content: [{ type: "text", text: "Echo: Printer on fire" }] },
      attempts: 1,
      cached: false,
      error: null,
    });
    expect(turn.server).toMatch(/^wh-/);
    expect(turn.latencyMs).toBeGreaterThanOrEqual(0);
    expect(turn.deliveryId).toBeTruthy();
  });

  it("follows an async integration's delivery until it is terminal", async () => {
    const { integration } = await seed("async");
    const turn = await sendChatMessage({
      actor: operator,
      integrationId: integration.id,
      text: "Later please",
      origin,
    });
    expect(turn).toMatchObject({ httpStatus: 202, terminal: false, result: null });
    // The worker's part, done here: process the delivery the chat created.
    await processDelivery(turn.deliveryId!, { workerId: `chat-test-${randomUUID()}` });
    const done = await readChatDelivery({ actor: operator, deliveryId: turn.deliveryId! });
    expect(done).toMatchObject({
      status: "succeeded",
      terminal: true,
      tool: "echo",
      arguments: { message: "Later please" },
      result: { content: [{ type: "text", text: "Echo: Later please" }] },
      attempts: 1,
    });
  });

  it("shows the refusal when the route's tool is disabled (the webhook path obeys the registry)", async () => {
    const { integration, server } = await seed("sync", [0]);
    await disable(server.id, "echo");
    const turn = await sendChatMessage({
      actor: operator,
      integrationId: integration.id,
      text: "Nope",
      origin,
    });
    expect(turn.terminal).toBe(true);
    expect(turn.status).not.toBe("succeeded");
    expect(turn.error).toMatchObject({
      code: "unavailable",
      message: 'The tool "echo" is disabled by an operator.',
    });
  });

  it("is for operators only", async () => {
    await expect(
      sendChatMessage({ actor: viewer, integrationId: randomUUID(), text: "hi", origin }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("chat with a tool directly", () => {
  it("calls through the tool-call path as caller chat and logs it", async () => {
    const { server } = await seed("sync");
    const requestId = randomUUID();
    const turn = await callChatTool({
      actor: operator,
      serverId: server.id,
      toolName: "echo",
      args: { message: "direct" },
      requestId,
    });
    expect(turn).toMatchObject({
      via: "tool",
      status: "succeeded",
      server: server.slug,
      tool: "echo",
      result: { content: [{ type: "text", text: "Echo: direct" }] },
      attempts: 1,
      cached: false,
      error: null,
    });
    await flushRequestLog();
    const row = await prisma.requestLog.findFirstOrThrow({ where: { requestId } });
    expect(row).toMatchObject({ source: "chat", tool: "echo", status: "succeeded", serverSlug: server.slug });

    await disable(server.id, "echo");
    const refused = await callChatTool({
      actor: operator,
      serverId: server.id,
      toolName: "echo",
      args: { message: "again" },
      requestId: randomUUID(),
    });
    expect(refused).toMatchObject({ status: "failed", attempts: 0, error: { code: "unavailable" } });
  });
});
