import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, POST as mcpPost } from "@/app/api/mcp/[server]/route";
import { POST as webhookPost } from "@/app/api/webhooks/[slug]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { exportRequests } from "@/lib/requests/export-requests";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import type { RequestTimings } from "@/lib/telemetry/to-request-timings";
import { registerTestServer } from "@/lib/test/register-test-server";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";

// The request log's per-step timings, recorded by the real paths: a signed webhook through the route handler to a
// real server-everything, and the SDK's client through the passthrough MCP endpoint. No step is stubbed.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slug = `timings-${run}`;
const secret = `timings-secret-${run}`;
let everything: EverythingServer;
let instance: { origin: string; stop(): Promise<void> };
let key = "";
const cleanups: (() => Promise<void>)[] = [];

const handler = (request: Request, context: { params: Promise<Record<string, string>> }) => {
  const method = { GET, POST: mcpPost, DELETE }[request.method as "GET" | "POST" | "DELETE"];
  return method(request, context as { params: Promise<{ server: string }> });
};

beforeAll(async () => {
  everything = await startEverythingServer();
  // get-sum declares readOnlyHint; the TTL makes it cacheable, so its calls measure a cache lookup too.
  await registerTestServer({ slug, url: everything.url, fetchTools: true, cacheTools: ["get-sum"] });
  key = (await createApiKey({ actor: { kind: "cli" }, input: { name: `timings-${run}`, scopes: ["mcp"] } }))
    .key;
  instance = await serveRouteHandler({
    handler,
    params: (path) => {
      const match = /^\/api\/mcp\/([^/]+)$/.exec(path);
      return match ? { server: match[1]! } : null;
    },
  });
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await instance?.stop();
  await everything?.stop();
  await flushRequestLog();
  await prisma.server.deleteMany({ where: { slug } });
  await prisma.apiKey.deleteMany({ where: { name: `timings-${run}` } });
});

function expectConsistent(timings: RequestTimings, latencyMs: number) {
  const parts = [timings.verifyMs, timings.routeMs, timings.mapMs, timings.cacheMs, timings.upstreamMs];
  const sum = parts.reduce<number>((total, part) => total + (part ?? 0), 0);
  expect(sum).toBeLessThanOrEqual(timings.totalMs);
  // The upstream step is its attempts, and the row's total is at least its own latency (within rounding).
  const attemptSum = (timings.attempts ?? []).reduce((total, attempt) => total + attempt.ms, 0);
  expect(Math.abs(attemptSum - (timings.upstreamMs ?? 0))).toBeLessThan(0.5);
  expect(timings.totalMs).toBeGreaterThanOrEqual(latencyMs - 1);
  expect(timings.totalMs).toBeLessThan(30_000);
}

describe("request-log timings", () => {
  it("records verify, route, mapping and the upstream attempt of a sync webhook delivery", async () => {
    const seeded = await seedWebhookIntegration({
      secret,
      serverUrl: everything.url,
      routes: [{ isFallback: true, toolName: "echo", argumentsMapping: '{"message": payload.issue.title}' }],
    });
    cleanups.push(seeded.remove);
    const body = JSON.stringify({ action: "opened", issue: { title: "Timed", labels: [] } });
    const response = await webhookPost(
      new Request(`http://localhost/api/webhooks/${seeded.integration.slug}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": await sign(secret, body),
          "x-orbit-client-ip": `198.51.100.${Math.floor(Math.random() * 250)}`,
        },
        body,
      }),
      { params: Promise.resolve({ slug: seeded.integration.slug }) },
    );
    expect(response.status).toBe(200);
    const { deliveryId } = (await response.json()) as { deliveryId: string };

    await flushRequestLog();
    const row = await prisma.requestLog.findFirstOrThrow({ where: { deliveryId } });
    const timings = row.timings as RequestTimings;
    expect(timings).toMatchObject({
      verifyMs: expect.any(Number),
      routeMs: expect.any(Number),
      mapMs: expect.any(Number),
      upstreamMs: expect.any(Number),
      attempts: [{ ms: expect.any(Number), replica: new URL(everything.url).origin, outcome: "ok" }],
    });
    // The echo tool is not read-only, so there is no cache step to show.
    expect(timings.cacheMs).toBeUndefined();
    expect(timings.upstreamMs).toBeGreaterThan(0);
    expectConsistent(timings, row.latencyMs);
  });

  it("records the cache lookup and attempts of a gateway call, and a cache hit with no attempt", async () => {
    const client = new Client({ name: "timings-test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${instance.origin}/api/mcp/${slug}`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    const args = { a: 2, b: Math.floor(Math.random() * 1_000_000) };
    try {
      await client.callTool({ name: "get-sum", arguments: args });
      await client.callTool({ name: "get-sum", arguments: args });
    } finally {
      await client.close();
    }

    await flushRequestLog();
    const rows = await prisma.requestLog.findMany({
      where: { source: "gateway", serverSlug: slug, tool: "get-sum" },
      orderBy: { createdAt: "asc" },
    });
    const [miss, hit] = rows.slice(-2);
    expect(miss!.cached).toBe(false);
    expect(miss!.timings).toMatchObject({
      cacheMs: expect.any(Number),
      attempts: [{ outcome: "ok", replica: new URL(everything.url).origin }],
    });
    expectConsistent(miss!.timings as RequestTimings, miss!.latencyMs);
    expect(hit!.cached).toBe(true);
    expect(hit!.timings).toMatchObject({ cacheMs: expect.any(Number) });
    expect((hit!.timings as RequestTimings).attempts).toBeUndefined();
    expectConsistent(hit!.timings as RequestTimings, hit!.latencyMs);

    // The JSON export carries the same steps as an object, for each row.
    const exported = exportRequests({ actor: { kind: "cli" }, format: "json", filters: { q: slug } });
    const parsed = JSON.parse(await new Response(exported.body).text()) as { id: string; timings: unknown }[];
    expect(parsed.find((row) => row.id === miss!.id)?.timings).toEqual(miss!.timings);
    expect(parsed.find((row) => row.id === hit!.id)?.timings).toEqual(hit!.timings);
  });
});
