import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/[slug]/route";
import { getPrisma } from "@/lib/db/get-prisma";
import { sendTestEvent } from "@/lib/integrations/send-test-event";
import { type FlakyMcpServer, startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";

// sendTestEvent over real HTTP into the real route handler: a tiny node:http server stands where `next start` would.

const prisma = getPrisma();
let web: Server;
let origin: string;
let mcp: FlakyMcpServer;
const cleanups: (() => Promise<void>)[] = [];
const operator = { kind: "user", id: randomUUID(), email: "op@example.com", role: "operator" } as const;
const viewer = { ...operator, role: "viewer" } as const;

beforeAll(async () => {
  mcp = await startFlakyMcpServer();
  web = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    // What serve-web.mjs does: the client address comes from the socket.
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
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await mcp?.stop();
  await new Promise((resolve) => web?.close(resolve));
});

describe("sendTestEvent", () => {
  it("posts a signed GitHub issues.opened to the public endpoint, which routes it to the tool", async () => {
    const seeded = await seedWebhookIntegration({
      serverUrl: mcp.url,
      secret: `gh-${randomUUID()}`,
      tools: [{ name: "echo", annotations: { readOnlyHint: true, idempotentHint: true } }],
      routes: [
        {
          name: "issues",
          match: { eventType: "issues.opened" },
          toolName: "echo",
          argumentsMapping: '{"text": text}',
        },
      ],
    });
    cleanups.push(seeded.remove);

    const sent = await sendTestEvent({
      actor: operator,
      integrationId: seeded.integration.id,
      text: "Printer on fire",
      origin,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      status: "succeeded",
      route: { name: "issues" },
      tool: "echo",
      result: { isError: false, content: [{ type: "text", text: "Printer on fire" }] },
    });
    expect(mcp.counts().calls.echo).toBe(1);
    const delivery = await prisma.delivery.findFirstOrThrow({
      where: { integrationId: seeded.integration.id },
    });
    expect(delivery).toMatchObject({ deliveryKey: sent.sentId, eventType: "issues", status: "succeeded" });
    const audit = await prisma.auditLog.findFirst({
      where: { action: "integration.test_event", targetId: seeded.integration.id },
    });
    expect(audit?.details).toMatchObject({ status: 200, sentId: sent.sentId });
  });

  it("is for operators only", async () => {
    await expect(sendTestEvent({ actor: viewer, integrationId: randomUUID(), origin })).rejects.toMatchObject(
      { code: "forbidden" },
    );
  });
});
