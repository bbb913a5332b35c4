import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/mcp/[server]/route";
import { GET as listServers } from "@/app/api/v1/servers/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";

// A per-key budget this file can exhaust in a few dozen requests. Hoisted: it must be in place before anything reads
// the environment, which is parsed once.
vi.hoisted(() => {
  process.env.ORBIT_GATEWAY_RATE_PER_MINUTE = "40";
});

// The REST facade end to end through its route handlers: real keys in Postgres, the real breaker and cache in Redis
// (when the run has one), the reference MCP server behind a registered server. Everything is seeded per run and
// removed afterwards.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
let everything: EverythingServer;
let origin: string;
const slug = `rest-${run}`;
const otherSlug = `rest-other-${run}`;
const deadSlug = `rest-dead-${run}`;
const keyIds: string[] = [];
const keys = { all: "", scoped: "", metricsOnly: "" };

async function makeKey(input: Parameters<typeof createApiKey>[0]["input"]): Promise<string> {
  const key = await createApiKey({ actor: { kind: "cli" }, input });
  keyIds.push(key.id);
  return key.key;
}

beforeAll(async () => {
  everything = await startEverythingServer();
  origin = new URL(everything.url).origin;
  // get-sum says it is read-only; a TTL makes it cacheable. echo stays uncached.
  await registerTestServer({ slug, url: everything.url, fetchTools: true, cacheTools: ["get-sum"] });
  await registerTestServer({ slug: otherSlug, url: everything.url });
  await registerTestServer({ slug: deadSlug, url: `http://127.0.0.1:${await findClosedPort()}/mcp` });
  keys.all = await makeKey({ name: `rest-all-${run}`, scopes: ["mcp"] });
  keys.scoped = await makeKey({
    name: `rest-scoped-${run}`,
    scopes: [`server:${slug}`],
    deniedTools: [`${slug}/get-*`],
  });
  keys.metricsOnly = await makeKey({ name: `rest-metrics-${run}`, scopes: ["metrics"] });
});

afterAll(async () => {
  await flushRequestLog();
  await prisma.requestLog.deleteMany({ where: { apiKeyId: { in: keyIds } } });
  await prisma.apiKey.deleteMany({ where: { id: { in: keyIds } } });
  await prisma.server.deleteMany({ where: { slug: { in: [slug, otherSlug, deadSlug] } } });
  await getToolCallDeps().pool.closeAll();
  await everything?.stop();
});

// The answers' shapes as far as the assertions read them; the assertions check the rest.
type Answer = {
  result: { content?: unknown[]; tools: { name: string }[] };
  backend: string;
  response_time: number;
  cached: boolean;
  error: { code: string; message: string };
  requestId: string;
};
type ServerList = {
  servers: { slug: string; toolCount: number; health: { status: string } }[];
  error: { code: string };
};

async function post(server: string, body: unknown, key?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  const request = new Request(`http://localhost/api/v1/mcp/${server}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ server }) });
  return { response, json: (await response.json()) as Answer };
}

async function servers(key?: string) {
  const headers = new Headers(key ? { "x-api-key": key } : {});
  const response = await listServers(new Request("http://localhost/api/v1/servers", { headers }));
  return { response, json: (await response.json()) as ServerList };
}

const callTool = (name: string, args: Record<string, unknown>) => ({
  method: "call_tool",
  params: { name, arguments: args },
});

async function logRow(requestId: string) {
  await flushRequestLog();
  return prisma.requestLog.findFirst({ where: { requestId } });
}

describe("POST /api/v1/mcp/{server}", () => {
  it("calls echo through callTool and answers result, backend, response_time and cached", async () => {
    const text = `hello ${randomUUID()}`;
    const { response, json } = await post(slug, callTool("echo", { message: text }), keys.all);

    expect(response.status).toBe(200);
    expect(json).toEqual({
      result: expect.objectContaining({ content: [{ type: "text", text: `Echo: ${text}` }] }),
      backend: origin,
      response_time: expect.any(Number),
      cached: false,
    });
    expect(json.response_time).toBeGreaterThanOrEqual(0);

    const requestId = response.headers.get("x-request-id")!;
    expect(await logRow(requestId)).toMatchObject({
      source: "rest",
      apiKeyId: keyIds[0],
      serverSlug: slug,
      tool: "echo",
      status: "succeeded",
      errorCode: null,
      attempts: 1,
      cached: false,
    });
  });

  it("answers a read-only tool with a TTL from the cache the second time", async () => {
    const args = { a: 2, b: Math.floor(Math.random() * 1e9) };
    const first = await post(slug, callTool("get-sum", args), keys.all);
    const second = await post(slug, callTool("get-sum", args), keys.all);

    expect(first.json).toMatchObject({ backend: origin, cached: false });
    expect(second.response.status).toBe(200);
    // Nothing upstream answered, so the server is named instead of a replica.
    expect(second.json).toMatchObject({ backend: slug, cached: true, result: first.json.result });
    expect(await logRow(second.response.headers.get("x-request-id")!)).toMatchObject({
      tool: "get-sum",
      cached: true,
      attempts: 0,
    });
  });

  it("lists the registry's tools, narrowed by the key's deny list", async () => {
    const all = await post(slug, { method: "list_tools" }, keys.all);
    expect(all.response.status).toBe(200);
    expect(all.json).toMatchObject({ backend: slug, cached: false, response_time: expect.any(Number) });
    const allNames = all.json.result.tools.map((t) => t.name);
    expect(allNames).toEqual(expect.arrayContaining(["echo", "get-sum", "get-env"]));
    expect(all.json.result.tools.find((t) => t.name === "echo")).toMatchObject({
      inputSchema: { type: "object" },
      annotations: { readOnlyHint: true },
    });

    const scoped = await post(slug, { method: "list_tools", params: {} }, keys.scoped);
    const scopedNames = scoped.json.result.tools.map((t) => t.name);
    expect(scopedNames).toContain("echo");
    expect(scopedNames.filter((name) => name.startsWith("get-"))).toEqual([]);
    expect(scopedNames).toHaveLength(allNames.filter((name) => !name.startsWith("get-")).length);
  });

  it("refuses with 403 a server outside the key's scope, a denied tool and a key without server scopes", async () => {
    const other = await post(otherSlug, callTool("echo", { message: "x" }), keys.scoped);
    expect(other.response.status).toBe(403);
    expect(other.json).toMatchObject({ error: { code: "forbidden" }, requestId: expect.any(String) });
    // Unknown and out of scope look the same: the key learns nothing about which servers exist.
    const unknown = await post(`nope-${run}`, { method: "list_tools" }, keys.scoped);
    expect(unknown.response.status).toBe(403);

    const denied = await post(slug, callTool("get-sum", { a: 1, b: 2 }), keys.scoped);
    expect(denied.response.status).toBe(403);
    expect(denied.json.error.message).toBe(`This API key may not use the tool "get-sum" on "${slug}".`);

    const metricsOnly = await post(slug, { method: "list_tools" }, keys.metricsOnly);
    expect(metricsOnly.response.status).toBe(403);

    // Refused before the body was read: the row names the key and the server it asked for, not the tool.
    expect(await logRow(other.json.requestId)).toMatchObject({
      source: "rest",
      apiKeyId: keyIds[1],
      serverSlug: otherSlug,
      tool: null,
      status: "failed",
      errorCode: "forbidden",
    });
    expect(await logRow(denied.json.requestId)).toMatchObject({ tool: "get-sum", errorCode: "forbidden" });
  });

  it("answers 401 without a key or with a wrong one, in the envelope", async () => {
    for (const key of [undefined, `orbit_${"x".repeat(43)}`, "not-a-key"]) {
      const { response, json } = await post(slug, { method: "list_tools" }, key);
      expect(response.status, String(key)).toBe(401);
      expect(json).toMatchObject({ error: { code: "unauthenticated" }, requestId: expect.any(String) });
      expect(response.headers.get("x-request-id")).toBe(json.requestId);
    }
  });

  it("answers 404 for an unknown server, 400 for broken JSON and 422 for a body of the wrong shape", async () => {
    const unknown = await post(`nope-${run}`, { method: "list_tools" }, keys.all);
    expect(unknown.response.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: "not_found" } });

    expect((await post(slug, "{not json", keys.all)).response.status).toBe(400);
    for (const body of [
      { method: "delete_everything" },
      { method: "call_tool", params: {} },
      { method: "call_tool", params: { name: "echo", arguments: ["not", "an", "object"] } },
    ]) {
      const { response, json } = await post(slug, body, keys.all);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(json.error.code).toBe("unprocessable");
    }
  });

  it("passes upstream failures on in the envelope, then answers 503 at once while the circuit is open", async () => {
    const first = await post(deadSlug, callTool("echo", { message: "x" }), keys.all);
    expect(first.response.status).toBe(502);
    expect(first.json).toMatchObject({
      error: { code: "upstream_error", message: expect.stringContaining("127.0.0.1") },
      requestId: first.response.headers.get("x-request-id"),
    });
    expect(JSON.stringify(first.json)).not.toMatch(/at .*\.ts:\d+/);

    // echo is safe to retry, so each call makes three attempts; the second call's failures open the circuit.
    await post(deadSlug, callTool("echo", { message: "x" }), keys.all);
    const refused = await post(deadSlug, callTool("echo", { message: "x" }), keys.all);
    expect(refused.response.status).toBe(503);
    expect(refused.json.error.code).toBe("circuit_open");
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);

    const listed = await servers(keys.all);
    expect(listed.json.servers.find((s) => s.slug === deadSlug)).toMatchObject({
      health: { status: "down", replicas: [{ state: "open", weight: 1 }] },
    });
  });
});

describe("GET /api/v1/servers", () => {
  it("lists only the servers the key may use, with health per replica and the tools it may use", async () => {
    const scoped = await servers(keys.scoped);
    expect(scoped.response.status).toBe(200);
    expect(scoped.json.servers).toHaveLength(1);
    const all = await servers(keys.all);
    const mine = all.json.servers.find((s) => s.slug === slug)!;
    expect(mine).toMatchObject({
      name: `Test ${slug}`,
      enabled: true,
      health: { status: "up", replicas: [{ backend: origin, weight: 1, state: "closed" }] },
    });
    expect(mine.toolCount).toBeGreaterThan(5);
    const only = scoped.json.servers[0]!;
    expect(only).toMatchObject({ slug, health: { status: "up" } });
    // The deny list's get-* tools are not counted for the scoped key.
    expect(only.toolCount).toBeLessThan(mine.toolCount);
    expect(all.json.servers.map((s) => s.slug)).toEqual(expect.arrayContaining([slug, otherSlug]));
    // Replica URLs may carry credentials; only origins leave.
    expect(JSON.stringify(all.json)).not.toContain("/mcp");
  });

  it("answers 401 without a key and 403 to a key with no server scope", async () => {
    expect((await servers()).response.status).toBe(401);
    const { response, json } = await servers(keys.metricsOnly);
    expect(response.status).toBe(403);
    expect(json).toMatchObject({ error: { code: "forbidden" }, requestId: expect.any(String) });
  });

  it("answers 429 with Retry-After once a key has used its budget for the minute", async () => {
    const key = await makeKey({ name: `rest-limit-${run}`, scopes: [`server:${slug}`] });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await servers(key)).response.status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const limited = await servers(key);
    expect(limited.response.status).toBe(429);
    expect(limited.json).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
