import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CreateMessageRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/mcp/[server]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { getRedis } from "@/lib/redis/get-redis";
import { updateServer } from "@/lib/servers/update-server";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { runInspectorCli } from "@/lib/test/run-inspector-cli";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";

// The passthrough endpoint end to end: the MCP SDK's real client → the real route handler served over HTTP (two
// "instances") → a real server-everything. Nothing is stubbed.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slug = `relay-${run}`;
const otherSlug = `relay-${run}-other`;
let everything: EverythingServer;
const instances: { origin: string; stop(): Promise<void> }[] = [];
const keys: Record<string, string> = {};

const handler = (request: Request, context: { params: Promise<Record<string, string>> }) => {
  const method = { GET, POST, DELETE }[request.method as "GET" | "POST" | "DELETE"];
  return method(request, context as { params: Promise<{ server: string }> });
};
const params = (path: string) => {
  const match = /^\/api\/mcp\/([^/]+)$/.exec(path);
  return match ? { server: match[1]! } : null;
};

beforeAll(async () => {
  everything = await startEverythingServer();
  for (const [s, url] of [
    [slug, everything.url],
    [otherSlug, everything.url],
  ] as const) {
    await prisma.server.create({ data: { slug: s, name: s, endpoints: { create: [{ url }] } } });
  }
  const make = async (name: string, scopes: string[], deniedTools: string[] = []) =>
    (await createApiKey({ actor: { kind: "cli" }, input: { name: `${name}-${run}`, scopes, deniedTools } }))
      .key;
  keys.all = await make("all", ["mcp"]);
  keys.one = await make("one", [`server:${slug}`], [`${slug}/get-env`]);
  keys.metricsOnly = await make("metrics", ["metrics"]);
  instances.push(await serveRouteHandler({ handler, params }), await serveRouteHandler({ handler, params }));
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await everything?.stop();
  await flushRequestLog();
  await prisma.server.deleteMany({ where: { slug: { startsWith: `relay-${run}` } } });
  await prisma.apiKey.deleteMany({ where: { name: { endsWith: `-${run}` } } });
});

async function connect(options: { key: string; server?: string; instance?: number; sampling?: boolean }) {
  const client = new Client(
    { name: "relay-test", version: "1.0.0" },
    { capabilities: options.sampling ? { sampling: {} } : {} },
  );
  if (options.sampling) {
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
      model: "test-model",
      role: "assistant",
      content: { type: "text", text: `sampled: ${JSON.stringify(request.params.messages[0]?.content)}` },
    }));
  }
  const transport = new StreamableHTTPClientTransport(
    new URL(`${instances[options.instance ?? 0]!.origin}/api/mcp/${options.server ?? slug}`),
    { requestInit: { headers: { authorization: `Bearer ${options.key}` } } },
  );
  await client.connect(transport);
  return { client, transport };
}

/** The MCP Inspector in CLI mode against the passthrough of this file's server. */
function inspect(key: string, ...args: string[]) {
  return runInspectorCli({ url: `${instances[0]!.origin}/api/mcp/${slug}`, key, args });
}

describe("/api/mcp/{server} (passthrough)", () => {
  it("answers the MCP Inspector CLI: tools, a call, a resource and a prompt", async () => {
    const listed = await inspect(keys.one!, "--method", "tools/list");
    const names = (listed.tools as { name: string }[]).map((t) => t.name);
    expect(names).toContain("echo");
    expect(names).not.toContain("get-env");

    const called = await inspect(
      keys.all!,
      "--method",
      "tools/call",
      "--tool-name",
      "echo",
      "--tool-arg",
      "message=inspected",
    );
    expect(called.content).toEqual([{ type: "text", text: "Echo: inspected" }]);

    const resources = await inspect(keys.all!, "--method", "resources/list");
    const uri = (resources.resources as { uri: string }[])[0]!.uri;
    const read = await inspect(keys.all!, "--method", "resources/read", "--uri", uri);
    expect((read.contents as { uri: string }[])[0]!.uri).toBe(uri);

    const prompt = await inspect(keys.all!, "--method", "prompts/get", "--prompt-name", "simple-prompt");
    expect((prompt.messages as unknown[]).length).toBeGreaterThan(0);
  });

  it("lists and calls tools, reads resources and gets prompts as the upstream answers them", async () => {
    const { client } = await connect({ key: keys.all! });
    try {
      expect(client.getServerVersion()?.name).toBeTruthy();
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["echo", "get-sum", "get-env"]));

      const echoed = await client.callTool({ name: "echo", arguments: { message: "through orbit" } });
      expect(echoed.content).toEqual([{ type: "text", text: "Echo: through orbit" }]);
      const sum = await client.callTool({ name: "get-sum", arguments: { a: 2, b: 40 } });
      expect(JSON.stringify(sum.content)).toContain("42");

      const { resources } = await client.listResources();
      expect(resources.length).toBeGreaterThan(0);
      const read = await client.readResource({ uri: resources[0]!.uri });
      expect(read.contents[0]?.uri).toBe(resources[0]!.uri);

      const prompt = await client.getPrompt({ name: "simple-prompt" });
      expect(prompt.messages.length).toBeGreaterThan(0);
      await client.ping();
    } finally {
      await client.close();
    }
  });

  it("relays progress notifications of a long-running tool as they happen", async () => {
    const { client } = await connect({ key: keys.all! });
    try {
      const progress: number[] = [];
      const result = await client.callTool(
        { name: "trigger-long-running-operation", arguments: { duration: 0.6, steps: 3 } },
        undefined,
        { onprogress: (p) => progress.push(p.progress) },
      );
      expect(progress).toEqual([1, 2, 3]);
      expect(JSON.stringify(result.content)).toContain("completed");
    } finally {
      await client.close();
    }
  });

  it("relays the upstream's sampling request to a client that declared sampling, and its answer back", async () => {
    const { client } = await connect({ key: keys.all!, sampling: true });
    try {
      const result = await client.callTool({
        name: "trigger-sampling-request",
        arguments: { prompt: "hello from the gateway", maxTokens: 10 },
      });
      expect(JSON.stringify(result.content)).toContain("sampled:");
      expect(JSON.stringify(result.content)).toContain("hello from the gateway");
    } finally {
      await client.close();
    }
  });

  it("keeps one session working while its requests alternate between two instances", async () => {
    const first = await connect({ key: keys.all!, instance: 0 });
    const sessionId = first.transport.sessionId!;
    expect(sessionId).toBeTruthy();
    // A second client reusing the same session id, pointed at the other instance.
    const second = new StreamableHTTPClientTransport(new URL(`${instances[1]!.origin}/api/mcp/${slug}`), {
      sessionId,
      requestInit: { headers: { authorization: `Bearer ${keys.all}` } },
    });
    const other = new Client({ name: "relay-test-b", version: "1.0.0" });
    await other.connect(second);
    try {
      for (let i = 0; i < 3; i++) {
        const a = await first.client.callTool({ name: "echo", arguments: { message: `a${i}` } });
        const b = await other.callTool({ name: "echo", arguments: { message: `b${i}` } });
        expect(a.content).toEqual([{ type: "text", text: `Echo: a${i}` }]);
        expect(b.content).toEqual([{ type: "text", text: `Echo: b${i}` }]);
      }
      expect(second.sessionId).toBe(sessionId);
      if (getRedis()) expect(await getRedis()!.exists(`orbit:mcp:session:${sessionId}`)).toBe(1);
    } finally {
      await first.client.close();
    }
  });

  it("opens a new upstream session transparently when the upstream forgot the old one", async () => {
    const { client, transport } = await connect({ key: keys.all! });
    try {
      const sessionId = transport.sessionId!;
      const stored = getRedis()
        ? ((await getRedis()!.get(`orbit:mcp:session:${sessionId}`)) as Record<string, unknown>)
        : null;
      // End the upstream session behind Orbit's back, as an upstream restart would.
      if (stored) {
        await fetch(everything.url, {
          method: "DELETE",
          headers: { "mcp-session-id": String(stored.upstreamSessionId) },
        });
      }
      const echoed = await client.callTool({ name: "echo", arguments: { message: "still here" } });
      expect(echoed.content).toEqual([{ type: "text", text: "Echo: still here" }]);
      expect(transport.sessionId).toBe(sessionId);
    } finally {
      await client.close();
    }
  });

  it("answers 404 to an unknown session and to another key's session", async () => {
    const unknown = await fetch(`${instances[0]!.origin}/api/mcp/${slug}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${keys.all}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-session-id": "no-such-session",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32001 } });

    const { client, transport } = await connect({ key: keys.all! });
    try {
      const stolen = await fetch(`${instances[0]!.origin}/api/mcp/${slug}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${keys.one}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-session-id": transport.sessionId!,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
      expect(stolen.status).toBe(404);
    } finally {
      await client.close();
    }
  });

  it("refuses a missing or wrong key with 401 and an out-of-scope server or tool with 403", async () => {
    const post = (headers: Record<string, string>, server = slug) =>
      fetch(`${instances[0]!.origin}/api/mcp/${server}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: {
            protocolVersion: "2025-06-18",
            capabilities: {},
            clientInfo: { name: "x", version: "1" },
          },
        }),
      });
    const missing = await post({});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: { code: -32002, message: expect.stringContaining("Missing API key") },
    });
    expect((await post({ authorization: "Bearer orbit_not_a_real_key" })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${keys.metricsOnly}` })).status).toBe(403);
    expect((await post({ authorization: `Bearer ${keys.one}` }, otherSlug)).status).toBe(403);

    // The scoped key sees its server without the denied tool, and cannot call it.
    const { client } = await connect({ key: keys.one! });
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain("echo");
      expect(names).not.toContain("get-env");
      await expect(client.callTool({ name: "get-env", arguments: {} })).rejects.toThrow(
        /403|may not use the tool/,
      );
    } finally {
      await client.close();
    }
  });

  it("refuses a request from a host that is not allowed (DNS rebinding)", async () => {
    const response = await POST(
      new Request(`http://evil.example/api/mcp/${slug}`, {
        method: "POST",
        headers: { authorization: `Bearer ${keys.all}`, origin: "http://evil.example" },
        body: "{}",
      }),
      { params: Promise.resolve({ server: slug }) },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining("ORBIT_ALLOWED_HOSTS") },
    });
  });

  it("records every tool call in the request log with the caller's key", async () => {
    const { client } = await connect({ key: keys.one! });
    const marker = `logged-${randomUUID()}`;
    try {
      await client.callTool({ name: "echo", arguments: { message: marker } });
    } finally {
      await client.close();
    }
    await flushRequestLog();
    const key = await prisma.apiKey.findFirstOrThrow({ where: { name: `one-${run}` } });
    const rows = await prisma.requestLog.findMany({
      where: { source: "gateway", apiKeyId: key.id, tool: "echo", requestBody: { contains: marker } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serverSlug: slug, status: "succeeded" });
  });

  it("moves a session to another replica when its replica goes away", async () => {
    const replicated = `relay-${run}-replicas`;
    const doomed = await startEverythingServer();
    const server = await prisma.server.create({
      data: { slug: replicated, name: replicated, endpoints: { create: [{ url: doomed.url, position: 0 }] } },
    });
    const { client } = await connect({ key: keys.all!, server: replicated });
    try {
      expect((await client.callTool({ name: "echo", arguments: { message: "before" } })).content).toEqual([
        { type: "text", text: "Echo: before" },
      ]);
      // A second replica joins (as an operator adds one), then the session's replica stops: the next call must move
      // over by itself.
      await updateServer({
        actor: { kind: "cli" },
        serverId: server.id,
        input: { endpoints: [{ url: doomed.url }, { url: everything.url }] },
      });
      await doomed.stop();
      const echoed = await client.callTool({ name: "echo", arguments: { message: "moved" } });
      expect(echoed.content).toEqual([{ type: "text", text: "Echo: moved" }]);
    } finally {
      await client.close();
      await doomed.stop();
    }
  });
  it("calls tools through the one tool-call path: a cacheable tool is answered from the cache", async () => {
    const cached = `relay-${run}-cache`;
    await prisma.server.create({
      data: {
        slug: cached,
        name: cached,
        endpoints: { create: [{ url: everything.url }] },
        tools: {
          create: [
            {
              name: "echo",
              inputSchema: { type: "object" },
              annotations: { readOnlyHint: true },
              cacheTtlSeconds: 60,
            },
          ],
        },
      },
    });
    const { client } = await connect({ key: keys.all!, server: cached });
    const message = `cache-${randomUUID()}`;
    try {
      for (let i = 0; i < 2; i++) {
        const echoed = await client.callTool({ name: "echo", arguments: { message } });
        expect(echoed.content).toEqual([{ type: "text", text: `Echo: ${message}` }]);
      }
    } finally {
      await client.close();
    }
    await flushRequestLog();
    const rows = await prisma.requestLog.findMany({
      where: { source: "gateway", serverSlug: cached, requestBody: { contains: message } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.cached)).toEqual([false, true]);
  });

  it("answers at once with a clear JSON-RPC error while the server's circuit is open", async () => {
    const flaky = await startFlakyMcpServer();
    const failing = `relay-${run}-flaky`;
    await prisma.server.create({
      data: { slug: failing, name: failing, endpoints: { create: [{ url: flaky.url }] } },
    });
    const { client } = await connect({ key: keys.all!, server: failing });
    try {
      flaky.setMode("fail500");
      // Five failed calls (the default threshold; echo is not marked safe to retry, so one attempt each) open it.
      for (let i = 0; i < 5; i++) {
        await expect(client.callTool({ name: "echo", arguments: { text: "x" } })).rejects.toThrow(/HTTP 500/);
      }
      const before = flaky.counts().requests;
      const started = performance.now();
      await expect(client.callTool({ name: "echo", arguments: { text: "x" } })).rejects.toThrow(
        /is failing; calls to it are paused for \d+ s/,
      );
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(flaky.counts().requests).toBe(before);
    } finally {
      flaky.setMode("ok");
      await client.close();
      await flaky.stop();
    }
  });
});
