import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  CreateMessageRequestSchema,
  LoggingMessageNotificationSchema,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/mcp/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { claimDueToolRefreshes } from "@/lib/health/claim-due-tool-refreshes";
import { refreshClaimedServer } from "@/lib/health/refresh-claimed-server";
import { getRedis } from "@/lib/redis/get-redis";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { runInspectorCli } from "@/lib/test/run-inspector-cli";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { startChangingMcpServer } from "@/lib/test/start-changing-mcp-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { listFederatedCollisions } from "./list-federated-collisions";

// The federated endpoint end to end: the MCP SDK's client and the Inspector CLI → the real route handler served over
// HTTP (two "instances", sharing only the database and Redis) → real upstreams registered through the registry (tools
// stored by inspecting them): server-everything, and a small real MCP server whose tool list changes on request.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slugA = `fed-${run}-a`;
const slugB = `fed-${run}-b`;
const slugC = `fed-${run}-changing`;
let everything: EverythingServer;
let changing: { url: string; stop(): Promise<void> };
const instances: { origin: string; stop(): Promise<void> }[] = [];
const keys: Record<string, string> = {};
let serverAId = "";

const handler = (request: Request) => {
  const method = { GET, POST, DELETE }[request.method as "GET" | "POST" | "DELETE"];
  return method(request);
};

beforeAll(async () => {
  [everything, changing] = await Promise.all([startEverythingServer(), startChangingMcpServer()]);
  serverAId = (await registerTestServer({ slug: slugA, url: everything.url, fetchTools: true })).id;
  await registerTestServer({ slug: slugC, url: changing.url, fetchTools: true });
  const make = async (name: string, scopes: string[]) =>
    (await createApiKey({ actor: { kind: "cli" }, input: { name: `${name}-${run}`, scopes } })).key;
  // Keys name this file's servers, so servers other test files register in the shared database stay out of view.
  keys.both = await make("both", [`server:${slugA}`, `server:${slugB}`]);
  keys.onlyA = await make("only-a", [`server:${slugA}`]);
  keys.changing = await make("changing", [`server:${slugC}`]);
  keys.metricsOnly = await make("metrics", ["metrics"]);
  const params = (path: string) => (path === "/api/mcp" ? {} : null);
  instances.push(await serveRouteHandler({ handler, params }), await serveRouteHandler({ handler, params }));
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await everything?.stop();
  await changing?.stop();
  await flushRequestLog();
  await prisma.server.deleteMany({ where: { slug: { startsWith: `fed-${run}` } } });
  await prisma.apiKey.deleteMany({ where: { name: { endsWith: `-${run}` } } });
});

/** What one request of a test client carried, and which instance it went to. */
type Hit = { instance: number; method: string; carries: "request" | "notification" | "response" | "none" };

/**
 * An SDK client on /api/mcp. `route` picks the instance of each HTTP request (default: the first), so a test can
 * spread one session over both; `sampling` declares the capability and answers with the text it was sent.
 */
async function connect(options: {
  key: string;
  sampling?: boolean;
  route?: (hit: Omit<Hit, "instance">, index: number) => number;
}) {
  const hits: Hit[] = [];
  const samplingIds: (string | number)[] = [];
  let streamOpened: () => void = () => {};
  const streamOpen = new Promise<void>((resolve) => {
    streamOpened = resolve;
  });
  const client = new Client(
    { name: "federated-test", version: "1.0.0" },
    { capabilities: options.sampling ? { sampling: {} } : {} },
  );
  if (options.sampling) {
    client.setRequestHandler(CreateMessageRequestSchema, async (request, extra) => {
      samplingIds.push(extra.requestId);
      return {
        model: "test-model",
        role: "assistant",
        content: { type: "text", text: `sampled: ${JSON.stringify(request.params.messages[0]?.content)}` },
      };
    });
  }
  const routed = async (url: string | URL, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? "GET";
    let carries: Hit["carries"] = "none";
    if (typeof init?.body === "string") {
      const message = JSON.parse(init.body) as { id?: unknown; method?: unknown };
      carries =
        message.method === undefined ? "response" : message.id === undefined ? "notification" : "request";
    }
    const instance = options.route?.({ method, carries }, hits.length) ?? 0;
    hits.push({ instance, method, carries });
    const target = new URL(url);
    const response = await fetch(new URL(target.pathname, instances[instance]!.origin), init);
    if (method === "GET" && response.ok) streamOpened();
    return response;
  };
  const transport = new StreamableHTTPClientTransport(new URL(`${instances[0]!.origin}/api/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${options.key}` } },
    fetch: routed,
  });
  await client.connect(transport);
  const close = async () => {
    await transport.terminateSession().catch(() => {});
    await client.close();
  };
  return { client, transport, hits, samplingIds, streamOpen, close };
}

async function toolNames(key: string): Promise<string[]> {
  const { client, close } = await connect({ key });
  try {
    return (await client.listTools()).tools.map((t) => t.name).sort();
  } finally {
    await close();
  }
}

function inspect(key: string, ...args: string[]) {
  return runInspectorCli({ url: `${instances[0]!.origin}/api/mcp`, key, args });
}

/** Resolves when `check` holds, polling; rejects after `ms` saying what was awaited. */
async function eventually(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function post(
  headers: Record<string, string>,
  body: unknown = { jsonrpc: "2.0", id: 1, method: "tools/list" },
) {
  return fetch(`${instances[0]!.origin}/api/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe("/api/mcp (federated)", () => {
  it("lists the registry's tools as <alias>__<tool> and calls them through the tool-call path", async () => {
    const { client, close } = await connect({ key: keys.both! });
    try {
      const { tools } = await client.listTools();
      const echo = tools.find((t) => t.name === `${slugA}__echo`);
      expect(echo?.inputSchema).toMatchObject({ type: "object" });
      expect(tools.map((t) => t.name)).toContain(`${slugA}__get-sum`);

      const echoed = await client.callTool({ name: `${slugA}__echo`, arguments: { message: "federated" } });
      expect(echoed.content).toEqual([{ type: "text", text: "Echo: federated" }]);

      await expect(client.callTool({ name: `${slugA}__no-such-tool`, arguments: {} })).rejects.toMatchObject({
        code: -32602,
      });
    } finally {
      await close();
    }
  });

  it("records each call in the request log with the caller's key", async () => {
    const marker = `logged-${randomUUID()}`;
    const { client, close } = await connect({ key: keys.onlyA! });
    try {
      await client.callTool({ name: `${slugA}__echo`, arguments: { message: marker } });
    } finally {
      await close();
    }
    await flushRequestLog();
    const key = await prisma.apiKey.findFirstOrThrow({ where: { name: `only-a-${run}` } });
    const rows = await prisma.requestLog.findMany({
      where: { source: "gateway", apiKeyId: key.id, requestBody: { contains: marker } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serverSlug: slugA, tool: "echo", status: "succeeded" });
  });

  it("reads resources and gets prompts from the upstreams, prompts namespaced", async () => {
    const { client, close } = await connect({ key: keys.both! });
    try {
      const { resources } = await client.listResources();
      expect(resources.length).toBeGreaterThan(0);
      const read = await client.readResource({ uri: resources[0]!.uri });
      expect(read.contents[0]?.uri).toBe(resources[0]!.uri);

      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name)).toContain(`${slugA}__simple-prompt`);
      const prompt = await client.getPrompt({ name: `${slugA}__simple-prompt` });
      expect(prompt.messages.length).toBeGreaterThan(0);
      await expect(client.getPrompt({ name: `${slugA}__no-such-prompt` })).rejects.toThrow();
    } finally {
      await close();
    }
  });

  it("answers the MCP Inspector CLI: tools/list, tools/call, resources/read and prompts/get", async () => {
    const listed = await inspect(keys.onlyA!, "--method", "tools/list");
    expect((listed.tools as { name: string }[]).map((t) => t.name)).toContain(`${slugA}__echo`);
    const called = await inspect(
      keys.onlyA!,
      "--method",
      "tools/call",
      "--tool-name",
      `${slugA}__echo`,
      "--tool-arg",
      "message=inspected",
    );
    expect(called.content).toEqual([{ type: "text", text: "Echo: inspected" }]);

    const resources = await inspect(keys.onlyA!, "--method", "resources/list");
    const uri = (resources.resources as { uri: string }[])[0]!.uri;
    const read = await inspect(keys.onlyA!, "--method", "resources/read", "--uri", uri);
    expect((read.contents as { uri: string }[])[0]!.uri).toBe(uri);

    const prompt = await inspect(
      keys.onlyA!,
      "--method",
      "prompts/get",
      "--prompt-name",
      `${slugA}__simple-prompt`,
    );
    expect((prompt.messages as unknown[]).length).toBeGreaterThan(0);
  });

  it("streams a long-running tool's progress notifications and the upstream's log messages to the client", async () => {
    const { client, close } = await connect({ key: keys.onlyA! });
    const logs: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(String(notification.params.data));
    });
    try {
      const progress: number[] = [];
      const result = await client.callTool(
        { name: `${slugA}__trigger-long-running-operation`, arguments: { duration: 0.6, steps: 3 } },
        undefined,
        { onprogress: (p) => progress.push(p.progress) },
      );
      expect(progress).toEqual([1, 2, 3]);
      expect(JSON.stringify(result.content)).toContain("completed");

      // The upstream's simulated logging goes out on its own stream (once now, then every 5 s), outside any call:
      // Orbit follows that stream on the session's GET stream.
      await client.callTool({ name: `${slugA}__toggle-simulated-logging`, arguments: {} });
      await eventually("a log message", () => logs.length > 0, 12_000);
      expect(logs[0]).toMatch(/[Mm]essage - SessionId /);
    } finally {
      await close();
    }
  });

  it("relays the upstream's sampling request to a client that declared sampling, under an id of Orbit's", async () => {
    const { client, samplingIds, close } = await connect({ key: keys.onlyA!, sampling: true });
    try {
      const result = await client.callTool({
        name: `${slugA}__trigger-sampling-request`,
        arguments: { prompt: "hello from the federation", maxTokens: 10 },
      });
      expect(JSON.stringify(result.content)).toContain("sampled:");
      expect(JSON.stringify(result.content)).toContain("hello from the federation");
      // The upstream's own id (a number) under the server's alias, so two upstreams' requests never collide.
      expect(samplingIds).toHaveLength(1);
      expect(samplingIds[0]).toMatch(new RegExp(`^${slugA}:\\d+$`));
    } finally {
      await close();
    }

    // A client that did not declare sampling gets an upstream session without it: the upstream offers no such tool.
    const plain = await connect({ key: keys.onlyA! });
    try {
      const refused = await plain.client.callTool({
        name: `${slugA}__trigger-sampling-request`,
        arguments: { prompt: "x" },
      });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain("trigger-sampling-request not found");
    } finally {
      await plain.close();
    }
  });

  it("keeps one session working while its requests alternate between two instances", async () => {
    const session = await connect({ key: keys.onlyA!, route: (_hit, index) => index % 2 });
    const { client, transport, hits } = session;
    try {
      for (let i = 0; i < 3; i++) {
        const echoed = await client.callTool({ name: `${slugA}__echo`, arguments: { message: `m${i}` } });
        expect(echoed.content).toEqual([{ type: "text", text: `Echo: m${i}` }]);
        expect((await client.listTools()).tools.map((t) => t.name)).toContain(`${slugA}__echo`);
      }
      const posts = hits.filter((h) => h.carries === "request");
      expect(new Set(posts.map((h) => h.instance))).toEqual(new Set([0, 1]));
      if (getRedis()) {
        const id = transport.sessionId!;
        expect(await getRedis()!.exists(`orbit:mcp:session:${id}`)).toBe(1);
        expect(await getRedis()!.hexists(`orbit:mcp:links:${id}`, serverAId)).toBe(1);
      }
    } finally {
      await session.close();
    }
  });

  it("takes the client's answer to a sampling request on another instance than the one streaming the call", async () => {
    // Answers to the upstream's requests go to instance 1; the tool call (and everything else) to instance 0.
    const session = await connect({
      key: keys.onlyA!,
      sampling: true,
      route: (hit) => (hit.carries === "response" ? 1 : 0),
    });
    try {
      const result = await session.client.callTool({
        name: `${slugA}__trigger-sampling-request`,
        arguments: { prompt: "across instances", maxTokens: 10 },
      });
      expect(JSON.stringify(result.content)).toContain("across instances");
      expect(session.hits.filter((h) => h.carries === "response").map((h) => h.instance)).toEqual([1]);
      expect(session.hits.find((h) => h.carries === "request" && h.method === "POST")?.instance).toBe(0);
    } finally {
      await session.close();
    }
  });

  it("sends tools/list_changed on the GET stream once an upstream announces a new tool, and lists it", async () => {
    const { client, streamOpen, close } = await connect({ key: keys.changing! });
    let changes = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes++;
    });
    try {
      await streamOpen;
      const added = `added-${run}`;
      // The upstream announces the new tool with notifications/tools/list_changed on this call's stream: Orbit
      // refreshes the server's registry tools and tells the federated sessions.
      const result = await client.callTool({ name: `${slugC}__add-tool`, arguments: { name: added } });
      expect(result.content).toEqual([{ type: "text", text: `added ${added}` }]);
      await eventually("tools/list_changed", () => changes > 0);
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain(`${slugC}__${added}`);
      const called = await client.callTool({ name: `${slugC}__${added}`, arguments: {} });
      expect(called.content).toEqual([{ type: "text", text: `I am ${added}` }]);
    } finally {
      await close();
    }
  });

  it("sends tools/list_changed when the periodic refresh finds a server's tools changed, only to keys that see it", async () => {
    const mine = await connect({ key: keys.onlyA! });
    const other = await connect({ key: keys.changing! });
    const heard = { mine: 0, other: 0 };
    mine.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard.mine++);
    other.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard.other++);
    try {
      await Promise.all([mine.streamOpen, other.streamOpen]);
      // The registry lost a tool the upstream still lists: the worker's refresh pass puts it back.
      await prisma.tool.deleteMany({ where: { serverId: serverAId, name: "get-tiny-image" } });
      await prisma.server.update({ where: { id: serverAId }, data: { toolsRefreshedAt: null } });
      const [claim] = await claimDueToolRefreshes({
        intervalMs: 60 * 60_000,
        limit: 1,
        serverIds: [serverAId],
      });
      const outcome = await refreshClaimedServer(claim!, () => {});
      expect(outcome).toMatchObject({ ok: true, tools: { added: 1 } });
      await eventually("tools/list_changed", () => heard.mine > 0);
      expect((await mine.client.listTools()).tools.map((t) => t.name)).toContain(`${slugA}__get-tiny-image`);
      expect(heard.other).toBe(0);
    } finally {
      await Promise.all([mine.close(), other.close()]);
    }
  });

  it("keeps federated names unchanged when a second server is registered, and scopes keys to their servers", async () => {
    const before = await toolNames(keys.both!);
    expect(before.every((name) => name.startsWith(`${slugA}__`))).toBe(true);

    await registerTestServer({ slug: slugB, url: everything.url, fetchTools: true });
    const after = await toolNames(keys.both!);
    expect(after.filter((name) => name.startsWith(`${slugA}__`))).toEqual(before);
    expect(after).toContain(`${slugB}__echo`);

    // The key scoped to A sees and calls only A's tools; B's are refused with the forbidden code.
    expect(await toolNames(keys.onlyA!)).toEqual(before);
    const { client, close } = await connect({ key: keys.onlyA! });
    try {
      await expect(
        client.callTool({ name: `${slugB}__echo`, arguments: { message: "x" } }),
      ).rejects.toMatchObject({ code: -32003, message: expect.stringContaining("may not use") });
      const echoed = await client.callTool({ name: `${slugA}__echo`, arguments: { message: "mine" } });
      expect(echoed.content).toEqual([{ type: "text", text: "Echo: mine" }]);
    } finally {
      await close();
    }
  });

  it("requires its session after initialize: 400 without one, 404 for an unknown, another key's or an ended one", async () => {
    const auth = { authorization: `Bearer ${keys.onlyA}` };
    const missing = await post(auth);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: { message: expect.stringContaining("Mcp-Session-Id") },
    });
    const unknown = await post({ ...auth, "mcp-session-id": "no-such-session" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32001 } });
    const bare = await fetch(`${instances[0]!.origin}/api/mcp`, {
      headers: { ...auth, accept: "text/event-stream" },
    });
    expect(bare.status).toBe(400);

    const { transport, client, close } = await connect({ key: keys.onlyA! });
    const sessionId = transport.sessionId!;
    try {
      expect(sessionId).toBeTruthy();
      const stolen = await post({ authorization: `Bearer ${keys.both}`, "mcp-session-id": sessionId });
      expect(stolen.status).toBe(404);
      const stream = await fetch(`${instances[1]!.origin}/api/mcp`, {
        headers: { ...auth, accept: "text/event-stream", "mcp-session-id": sessionId },
      });
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toContain("text/event-stream");
      await stream.body?.cancel();
      await client.listTools();
    } finally {
      await close();
    }
    // Ended by the client (DELETE): unknown from then on, on every instance.
    expect((await post({ ...auth, "mcp-session-id": sessionId })).status).toBe(404);
  });

  it("refuses a missing or wrong key with 401 and a key without server scope with 403", async () => {
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "x", version: "1" } },
    };
    const missing = await post({}, initialize);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      jsonrpc: "2.0",
      error: { code: -32002, message: expect.stringContaining("Missing API key") },
    });
    expect((await post({ authorization: "Bearer orbit_not_a_real_key" }, initialize)).status).toBe(401);
    expect((await post({ authorization: `Bearer ${keys.metricsOnly}` }, initialize)).status).toBe(403);
    const accepted = await post({ authorization: `Bearer ${keys.onlyA}` }, initialize);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("mcp-session-id")).toBeTruthy();
    expect(await accepted.json()).toMatchObject({ result: { protocolVersion: "2025-11-25" } });
  });
});

describe("listFederatedCollisions", () => {
  it("reports two servers producing one federated name and leaves both tools out of tools/list", async () => {
    const alias = `fc${run}`;
    const tool = { inputSchema: { type: "object" } };
    for (const [slug, serverAlias, name] of [
      [`fed-${run}-c1`, alias, "b__c"],
      [`fed-${run}-c2`, `${alias}__b`, "c"],
    ] as const) {
      await prisma.server.create({
        data: {
          slug,
          alias: serverAlias,
          name: slug,
          tools: {
            create: [
              { name, ...tool },
              { name: "own", ...tool },
            ],
          },
        },
      });
    }
    const collisions = await listFederatedCollisions();
    const ours = collisions.find((c) => c.federatedName === `${alias}__b__c`);
    expect(ours?.claims.map((c) => [c.slug, c.alias, c.tool]).sort()).toEqual([
      [`fed-${run}-c1`, alias, "b__c"],
      [`fed-${run}-c2`, `${alias}__b`, "c"],
    ]);

    const key = (
      await createApiKey({
        actor: { kind: "cli" },
        input: { name: `collide-${run}`, scopes: [`server:fed-${run}-c1`, `server:fed-${run}-c2`] },
      })
    ).key;
    const names = await toolNames(key);
    expect(names).toEqual([`${alias}__b__own`, `${alias}__own`]);
  });
});
