import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/mcp/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { runInspectorCli } from "@/lib/test/run-inspector-cli";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { listFederatedCollisions } from "./list-federated-collisions";

// The federated endpoint end to end: the MCP SDK's client and the Inspector CLI → the real route handler served over
// HTTP → real server-everything upstreams registered through the registry (tools stored by inspecting them).

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slugA = `fed-${run}-a`;
const slugB = `fed-${run}-b`;
let everything: EverythingServer;
let instance: { origin: string; stop(): Promise<void> };
const keys: Record<string, string> = {};

const handler = (request: Request) => {
  const method = { GET, POST, DELETE }[request.method as "GET" | "POST" | "DELETE"];
  return method(request);
};

beforeAll(async () => {
  everything = await startEverythingServer();
  await registerTestServer({ slug: slugA, url: everything.url, fetchTools: true });
  const make = async (name: string, scopes: string[]) =>
    (await createApiKey({ actor: { kind: "cli" }, input: { name: `${name}-${run}`, scopes } })).key;
  // Keys name this file's servers, so servers other test files register in the shared database stay out of view.
  keys.both = await make("both", [`server:${slugA}`, `server:${slugB}`]);
  keys.onlyA = await make("only-a", [`server:${slugA}`]);
  keys.metricsOnly = await make("metrics", ["metrics"]);
  instance = await serveRouteHandler({ handler, params: (p) => (p === "/api/mcp" ? {} : null) });
}, 60_000);

afterAll(async () => {
  await instance?.stop();
  await everything?.stop();
  await flushRequestLog();
  await prisma.server.deleteMany({ where: { slug: { startsWith: `fed-${run}` } } });
  await prisma.apiKey.deleteMany({ where: { name: { endsWith: `-${run}` } } });
});

async function connect(key: string) {
  const client = new Client({ name: "federated-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${instance.origin}/api/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    }),
  );
  return client;
}

async function toolNames(key: string): Promise<string[]> {
  const client = await connect(key);
  try {
    return (await client.listTools()).tools.map((t) => t.name).sort();
  } finally {
    await client.close();
  }
}

function inspect(key: string, ...args: string[]) {
  return runInspectorCli({ url: `${instance.origin}/api/mcp`, key, args });
}

describe("/api/mcp (federated)", () => {
  it("lists the registry's tools as <alias>__<tool> and calls them through the tool-call path", async () => {
    const client = await connect(keys.both!);
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
      await client.close();
    }
  });

  it("records each call in the request log with the caller's key", async () => {
    const marker = `logged-${randomUUID()}`;
    const client = await connect(keys.onlyA!);
    try {
      await client.callTool({ name: `${slugA}__echo`, arguments: { message: marker } });
    } finally {
      await client.close();
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
    const client = await connect(keys.both!);
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
      await client.close();
    }
  });

  it("answers the MCP Inspector CLI: tools/list and tools/call", async () => {
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
    const client = await connect(keys.onlyA!);
    try {
      await expect(
        client.callTool({ name: `${slugB}__echo`, arguments: { message: "x" } }),
      ).rejects.toMatchObject({ code: -32003, message: expect.stringContaining("may not use") });
      const echoed = await client.callTool({ name: `${slugA}__echo`, arguments: { message: "mine" } });
      expect(echoed.content).toEqual([{ type: "text", text: "Echo: mine" }]);
    } finally {
      await client.close();
    }
  });

  it("refuses a missing or wrong key with 401, a key without server scope with 403, GET with 405", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${instance.origin}/api/mcp`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
    const missing = await post({});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      jsonrpc: "2.0",
      error: { code: -32002, message: expect.stringContaining("Missing API key") },
    });
    expect((await post({ authorization: "Bearer orbit_not_a_real_key" })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${keys.metricsOnly}` })).status).toBe(403);
    const get = await fetch(`${instance.origin}/api/mcp`, {
      headers: { authorization: `Bearer ${keys.both}`, accept: "text/event-stream" },
    });
    expect(get.status).toBe(405);
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
