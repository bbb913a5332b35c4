import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as scrape } from "@/app/api/metrics/route";
import { POST as rest } from "@/app/api/v1/mcp/[server]/route";
import { POST as webhook } from "@/app/api/webhooks/[slug]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { processDelivery } from "@/lib/webhooks/processing/process-delivery";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";

// /api/metrics through its route handler, fed by real traffic: REST calls and webhook deliveries against the
// reference MCP server, a dead replica whose circuit opens, a real rate limiter. Counters live in this test
// process's registry, so assertions compare values before and after rather than assume a fresh process.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slug = `metrics-${run}`;
const deadSlug = `metrics-dead-${run}`;
const secret = `metrics secret ${run}`;
let everything: EverythingServer;
let deadOrigin: string;
const keyIds: string[] = [];
const keys = { ops: "", gateway: "" };
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  everything = await startEverythingServer();
  await registerTestServer({ slug, url: everything.url, fetchTools: true, cacheTools: ["get-sum"] });
  const deadUrl = `http://127.0.0.1:${await findClosedPort()}/mcp`;
  deadOrigin = new URL(deadUrl).origin;
  await registerTestServer({ slug: deadSlug, url: deadUrl });
  for (const [name, scopes] of [
    ["ops", ["metrics", "mcp"]],
    ["gateway", ["mcp"]],
  ] as const) {
    const key = await createApiKey({
      actor: { kind: "cli" },
      input: { name: `metrics-${name}-${run}`, scopes: [...scopes] },
    });
    keyIds.push(key.id);
    keys[name] = key.key;
  }
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await prisma.requestLog.deleteMany({ where: { apiKeyId: { in: keyIds } } });
  await prisma.apiKey.deleteMany({ where: { id: { in: keyIds } } });
  await prisma.server.deleteMany({ where: { slug: { in: [slug, deadSlug] } } });
  await getToolCallDeps().pool.closeAll();
  await everything?.stop();
});

async function callTool(server: string, name: string, args: Record<string, unknown>) {
  const request = new Request(`http://localhost/api/v1/mcp/${server}`, {
    method: "POST",
    headers: { authorization: `Bearer ${keys.gateway}`, "content-type": "application/json" },
    body: JSON.stringify({ method: "call_tool", params: { name, arguments: args } }),
  });
  return rest(request, { params: Promise.resolve({ server }) });
}

async function metrics(key: string | null = keys.ops): Promise<Response> {
  const headers = new Headers(key ? { authorization: `Bearer ${key}` } : {});
  return scrape(new Request("http://localhost/api/metrics", { headers }));
}

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The samples of the text exposition format, labels parsed, so assertions do not depend on label order. */
async function samples(): Promise<Sample[]> {
  const response = await metrics();
  expect(response.status).toBe(200);
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [, name, labelText = "", value] = line.match(/^(\w+)(?:\{(.*)\})? (\S+)$/) ?? [];
      const labels = Object.fromEntries(
        [...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: name!, labels, value: Number(value) };
    });
}

function value(all: Sample[], name: string, labels: Record<string, string>): number | undefined {
  const found = all.filter(
    (s) =>
      s.name === name &&
      Object.keys(labels).length === Object.keys(s.labels).length &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  return found.length === 1 ? found[0]!.value : undefined;
}

describe("GET /api/metrics", () => {
  it("serves Prometheus text with request counts, latency and cache hits for the calls made", async () => {
    for (const message of ["one", "two"])
      expect((await callTool(slug, "echo", { message })).status).toBe(200);
    const args = { a: 1, b: Math.floor(Math.random() * 1e9) };
    await callTool(slug, "get-sum", args);
    await callTool(slug, "get-sum", args);

    const response = await metrics();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE orbit_requests_total counter");
    expect(text).toContain("# TYPE orbit_request_duration_seconds histogram");
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);

    const all = await samples();
    const labels = { source: "rest", server: slug };
    expect(value(all, "orbit_requests_total", { ...labels, tool: "echo", status: "ok" })).toBe(2);
    expect(value(all, "orbit_requests_total", { ...labels, tool: "get-sum", status: "ok" })).toBe(2);
    expect(value(all, "orbit_request_duration_seconds_count", { ...labels, tool: "echo" })).toBe(2);
    expect(value(all, "orbit_request_duration_seconds_sum", { ...labels, tool: "echo" })).toBeGreaterThan(0);
    expect(value(all, "orbit_cache_hits_total", { ...labels, tool: "get-sum" })).toBe(1);
    expect(value(all, "orbit_circuit_state", { server: slug, replica: new URL(everything.url).origin })).toBe(
      0,
    );
    // Arguments never become labels.
    expect(text).not.toContain(String(args.b));
  });

  it("shows a replica's open circuit as 2, with the failed calls counted by error code", async () => {
    // echo may be retried, so each call is three attempts; the second call's failures open the circuit.
    for (let i = 0; i < 3; i++) await callTool(deadSlug, "echo", { message: "x" });
    const all = await samples();
    expect(value(all, "orbit_circuit_state", { server: deadSlug, replica: deadOrigin })).toBe(2);
    const failed = { source: "rest", server: deadSlug, tool: "echo" };
    expect(value(all, "orbit_requests_total", { ...failed, status: "upstream_error" })).toBe(2);
    expect(value(all, "orbit_requests_total", { ...failed, status: "circuit_open" })).toBe(1);
  });

  it("counts webhook deliveries, their rejections and the inbox waiting for the worker", async () => {
    const seeded = await seedWebhookIntegration({
      serverUrl: everything.url,
      secret,
      mode: "async",
      routes: [{ isFallback: true, toolName: "echo", argumentsMapping: '{"message": eventType}' }],
    });
    cleanups.push(seeded.remove);
    const send = async (signature?: string) => {
      const body = JSON.stringify({ action: "opened", issue: { title: "metrics" } });
      const request = new Request(`http://localhost/api/webhooks/${seeded.integration.slug}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": signature ?? (await sign(secret, body)),
          "x-orbit-client-ip": `198.51.100.${Math.floor(Math.random() * 250)}`,
        },
        body,
      });
      const response = await webhook(request, { params: Promise.resolve({ slug: seeded.integration.slug }) });
      return { status: response.status, json: (await response.json()) as { deliveryId?: string } };
    };

    const before = await samples();
    const rejectionsBefore =
      value(before, "orbit_webhook_rejections_total", { reason: "bad_signature" }) ?? 0;
    expect((await send("sha256=00")).status).toBe(401);
    const accepted = await send();
    expect(accepted.status).toBe(202);

    const waiting = await samples();
    expect(value(waiting, "orbit_webhook_rejections_total", { reason: "bad_signature" })).toBe(
      rejectionsBefore + 1,
    );
    expect(value(waiting, "orbit_inbox_depth", { status: "received" })).toBeGreaterThanOrEqual(1);
    expect(value(waiting, "orbit_inbox_depth", { status: "retrying" })).toEqual(expect.any(Number));

    const outcome = await processDelivery(accepted.json.deliveryId!, { workerId: `metrics-${run}` });
    expect(outcome?.status).toBe("succeeded");
    const processed = await samples();
    expect(
      value(processed, "orbit_requests_total", {
        source: "webhook",
        server: seeded.server.slug,
        tool: "echo",
        status: "ok",
      }),
    ).toBe(1);
  });

  it("counts refusals by rate-limit policy, never by who was refused", async () => {
    const before = value(await samples(), "orbit_rate_limited_total", { policy: "loginAccount" }) ?? 0;
    const account = `metrics-${run}@example.test`;
    for (let i = 0; i < 5; i++) await checkRateLimit("loginAccount", account);
    await expect(checkRateLimit("loginAccount", account)).rejects.toMatchObject({ code: "rate_limited" });
    const all = await samples();
    expect(value(all, "orbit_rate_limited_total", { policy: "loginAccount" })).toBe(before + 1);
    expect(JSON.stringify(all)).not.toContain(account);
  });

  it("answers 401 without a key and 403 to a key without the metrics scope", async () => {
    const anonymous = await metrics(null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthenticated" } });
    const gateway = await metrics(keys.gateway);
    expect(gateway.status).toBe(403);
    expect(await gateway.json()).toMatchObject({
      error: { code: "forbidden", message: "This API key does not have the metrics scope." },
      requestId: expect.any(String),
    });
  });
});
