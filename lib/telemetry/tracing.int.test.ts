import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as rest } from "@/app/api/v1/mcp/[server]/route";
import { POST as webhook } from "@/app/api/webhooks/[slug]/route";
import { register } from "@/instrumentation";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTracing } from "@/lib/telemetry/register-tracing";
import type { Tracing } from "@/lib/telemetry/start-tracing";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { type CollectedSpan, type OtlpCollector, startOtlpCollector } from "@/lib/test/start-otlp-collector";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { seedWebhookIntegration } from "@/lib/webhooks/seed-webhook-integration";

// Tracing as an operator turns it on: OTEL_* variables, Next's instrumentation hook (register()), then real traffic
// through the route handlers against server-everything. A local OTLP/HTTP receiver stands in for the collector; the
// spans are asserted as it received them, not as the SDK holds them.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slug = `traced-${run}`;
const deadSlug = `traced-dead-${run}`;
const secret = `tracing secret ${run}`;
let collector: OtlpCollector;
let everything: EverythingServer;
let tracing: Tracing;
let key = "";
let keyId = "";
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  collector = await startOtlpCollector();
  everything = await startEverythingServer();
  await registerTestServer({ slug, url: everything.url, fetchTools: true });
  await registerTestServer({ slug: deadSlug, url: `http://127.0.0.1:${await findClosedPort()}/mcp` });
  const created = await createApiKey({
    actor: { kind: "cli" },
    input: { name: `tracing-${run}`, scopes: ["mcp"] },
  });
  key = created.key;
  keyId = created.id;

  process.env.NEXT_RUNTIME = "nodejs";
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.origin;
  process.env.OTEL_EXPORTER_OTLP_HEADERS = "authorization=Bearer%20collector-token";
  process.env.OTEL_SERVICE_NAME = `orbit-test-${run}`;
  await register();
  // The hook's tracing, by the same once-per-process call: flushed by the tests instead of waiting for the batch.
  tracing = (await registerTracing("web"))!;
});

afterAll(async () => {
  await tracing?.shutdown();
  for (const cleanup of cleanups) await cleanup();
  await flushRequestLog();
  await prisma.requestLog.deleteMany({ where: { apiKeyId: keyId } });
  await prisma.apiKey.deleteMany({ where: { id: keyId } });
  await prisma.server.deleteMany({ where: { slug: { in: [slug, deadSlug] } } });
  await getToolCallDeps().pool.closeAll();
  await everything?.stop();
  await collector?.stop();
});

async function callRest(server: string, message: string): Promise<Response> {
  const request = new Request(`http://localhost/api/v1/mcp/${server}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ method: "call_tool", params: { name: "echo", arguments: { message } } }),
  });
  return rest(request, { params: Promise.resolve({ server }) });
}

/** The spans received so far for one request id (exported only after a flush). */
async function spansOf(requestId: string): Promise<CollectedSpan[]> {
  await tracing.flush();
  return collector.spans.filter((span) => span.attributes["orbit.request_id"] === requestId);
}

describe("OpenTelemetry traces", () => {
  it("exports one orbit.tool_call span per tool call over OTLP/HTTP JSON, named by the client's request id", async () => {
    const response = await callRest(slug, "traced");
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id")!;

    const [span, ...others] = await spansOf(requestId);
    expect(others).toEqual([]);
    expect(span).toMatchObject({
      name: "orbit.tool_call",
      status: 0,
      attributes: {
        "orbit.request_id": requestId,
        "orbit.server": slug,
        "orbit.tool": "echo",
        "orbit.caller": "rest",
        "orbit.attempts": 1,
        "orbit.cached": false,
        "orbit.outcome": "ok",
        "orbit.served_by": "primary",
        "orbit.replica": new URL(everything.url).origin,
      },
      resource: { "service.name": `orbit-test-${run}`, "orbit.process": "web" },
    });
    // The collector's credentials from OTEL_EXPORTER_OTLP_HEADERS, percent-decoded, on every export.
    expect(collector.requests.at(-1)).toMatchObject({
      path: "/v1/traces",
      headers: { authorization: "Bearer collector-token", "content-type": "application/json" },
    });
  });

  it("marks a failed call as an error with its code and the attempts it took", async () => {
    const response = await callRest(deadSlug, "nobody home");
    expect(response.status).toBe(502);
    const requestId = ((await response.json()) as { requestId: string }).requestId;

    const [span] = await spansOf(requestId);
    expect(span).toMatchObject({
      name: "orbit.tool_call",
      status: 2,
      attributes: { "orbit.server": deadSlug, "orbit.outcome": "upstream_error", "orbit.cached": false },
    });
    // Refused connections never reached the server, so they were retried: the first attempt and two retries.
    expect(span!.attributes["orbit.attempts"]).toBe(3);
  });

  it("traces a webhook from intake through processing to its tool call, in one trace", async () => {
    const seeded = await seedWebhookIntegration({
      serverUrl: everything.url,
      secret,
      mode: "sync",
      tools: [{ name: "echo" }],
      routes: [{ isFallback: true, toolName: "echo", argumentsMapping: '{"message": eventType}' }],
    });
    cleanups.push(seeded.remove);
    const body = JSON.stringify({ action: "opened" });
    const response = await webhook(
      new Request(`http://localhost/api/webhooks/${seeded.integration.slug}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": await sign(secret, body),
          "x-orbit-client-ip": "198.51.100.7",
        },
        body,
      }),
      { params: Promise.resolve({ slug: seeded.integration.slug }) },
    );
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id")!;

    const spans = await spansOf(requestId);
    const named = (name: string) => spans.find((span) => span.name === name);
    const intake = named("orbit.webhook.receive");
    const processing = named("orbit.webhook.process");
    const call = named("orbit.tool_call");
    expect(intake).toMatchObject({
      attributes: {
        "orbit.webhook_slug": seeded.integration.slug,
        "orbit.status": 200,
        "orbit.duplicate": false,
      },
    });
    expect(processing).toMatchObject({
      parentSpanId: intake!.spanId,
      attributes: { "orbit.integration": seeded.integration.slug, "orbit.attempt": 1 },
    });
    expect(call).toMatchObject({
      parentSpanId: processing!.spanId,
      attributes: { "orbit.caller": "webhook", "orbit.outcome": "ok", "orbit.tool": "echo" },
    });
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
  });

  it("leaves a refused webhook's span unmarked as an error, with the refusal's code", async () => {
    const response = await webhook(
      new Request(`http://localhost/api/webhooks/no-such-${run}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-orbit-client-ip": "198.51.100.8" },
        body: "{}",
      }),
      { params: Promise.resolve({ slug: `no-such-${run}` }) },
    );
    expect(response.status).toBe(404);
    const [intake] = await spansOf(response.headers.get("x-request-id")!);
    expect(intake).toMatchObject({
      name: "orbit.webhook.receive",
      status: 0,
      attributes: { "orbit.error_code": "not_found" },
    });
  });
});
