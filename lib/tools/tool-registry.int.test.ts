import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as passthroughDelete,
  GET as passthroughGet,
  POST as passthroughPost,
} from "@/app/api/mcp/[server]/route";
import { POST as federated } from "@/app/api/mcp/route";
import { POST as restPost } from "@/app/api/v1/mcp/[server]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { refreshServerTools } from "@/lib/servers/refresh-server-tools";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { deleteTool } from "./delete-tool";
import { restoreTool } from "./restore-tool";
import { restoreToolOverrides } from "./restore-tool-overrides";
import { updateToolOverrides } from "./update-tool-overrides";

// The registry's overrides, versions and soft delete, seen the way clients see them: the reference MCP server behind
// a registered server, reached through the passthrough and federated endpoints (real SDK clients over HTTP) and the
// REST facade. Everything is seeded per run and removed afterwards.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slug = `tools-${run}`;
const operator = { kind: "user", id: randomUUID(), email: "op@example.com", role: "operator" } as const;
const viewer = { ...operator, role: "viewer" } as const;
let everything: EverythingServer;
let serverId: string;
let key: string;
let keyId: string;
const instances: { origin: string; stop(): Promise<void> }[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  everything = await startEverythingServer();
  serverId = (await registerTestServer({ slug, url: everything.url, fetchTools: true })).id;
  const created = await createApiKey({
    actor: { kind: "cli" },
    input: { name: `tools-${run}`, scopes: [`server:${slug}`] },
  });
  key = created.key;
  keyId = created.id;
  const methods = { GET: passthroughGet, POST: passthroughPost, DELETE: passthroughDelete };
  instances.push(
    await serveRouteHandler({
      handler: (request, context) =>
        methods[request.method as keyof typeof methods](
          request,
          context as { params: Promise<{ server: string }> },
        ),
      params: (path) => {
        const match = /^\/api\/mcp\/([^/]+)$/.exec(path);
        return match ? { server: match[1]! } : null;
      },
    }),
    await serveRouteHandler({
      handler: (request) => federated(request),
      params: (path) => (path === "/api/mcp" ? {} : null),
    }),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  await Promise.all(instances.map((i) => i.stop()));
  await flushRequestLog();
  await prisma.requestLog.deleteMany({ where: { apiKeyId: keyId } });
  await prisma.apiKey.deleteMany({ where: { id: keyId } });
  await prisma.server.deleteMany({ where: { slug } });
  await getToolCallDeps().pool.closeAll();
  await everything?.stop();
});

async function connect(path: string): Promise<Client> {
  const origin = instances[path === "/api/mcp" ? 1 : 0]!.origin;
  const client = new Client({ name: "tools-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${origin}${path}`), {
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    }),
  );
  clients.push(client);
  return client;
}

async function rest(body: unknown) {
  const response = await restPost(
    new Request(`http://localhost/api/v1/mcp/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ server: slug }) },
  );
  return {
    status: response.status,
    json: (await response.json()) as {
      result: { tools: { name: string }[] };
      error: { code: string; message: string };
    },
  };
}

async function toolId(name: string): Promise<string> {
  return (await prisma.tool.findUniqueOrThrow({ where: { serverId_name: { serverId, name } } })).id;
}

async function versionsOf(name: string) {
  return prisma.toolVersion.findMany({
    where: { toolId: await toolId(name) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

const defaults = { enabled: true, descriptionOverride: null, cacheTtlSeconds: null, retryOverride: null };

describe("the tool registry", () => {
  it("records a first version of every tool the server listed when it was added", async () => {
    const tools = await prisma.tool.findMany({ where: { serverId }, include: { versions: true } });
    expect(tools.length).toBeGreaterThan(3);
    for (const tool of tools) {
      expect(tool.versions).toMatchObject([
        { source: "upstream", change: "created", actorLabel: "cli", diff: [], overrides: defaults },
      ]);
      expect(tool.versions[0]?.definition).toMatchObject({ description: tool.description });
    }
  });

  it("hides and refuses a disabled tool on the passthrough, federated and REST paths, and shows description overrides", async () => {
    const echo = await toolId("echo");
    await updateToolOverrides({ actor: operator, overrides: { toolId: echo, ...defaults, enabled: false } });
    await updateToolOverrides({
      actor: operator,
      overrides: { toolId: await toolId("get-sum"), ...defaults, descriptionOverride: "Adds, as Orbit says" },
    });

    const passthrough = await connect(`/api/mcp/${slug}`);
    const passthroughTools = (await passthrough.listTools()).tools;
    expect(passthroughTools.map((t) => t.name)).not.toContain("echo");
    expect(passthroughTools.find((t) => t.name === "get-sum")?.description).toBe("Adds, as Orbit says");
    await expect(passthrough.callTool({ name: "echo", arguments: { message: "hi" } })).rejects.toThrow(
      /disabled by an operator/,
    );

    const fed = await connect("/api/mcp");
    const fedTools = (await fed.listTools()).tools;
    expect(fedTools.map((t) => t.name)).not.toContain(`${slug}__echo`);
    expect(fedTools.find((t) => t.name === `${slug}__get-sum`)?.description).toBe("Adds, as Orbit says");
    await expect(fed.callTool({ name: `${slug}__echo`, arguments: { message: "hi" } })).rejects.toThrow(
      /disabled by an operator/,
    );

    const listed = await rest({ method: "list_tools" });
    expect(listed.json.result.tools.map((t) => t.name)).not.toContain("echo");
    const called = await rest({
      method: "call_tool",
      params: { name: "echo", arguments: { message: "hi" } },
    });
    expect(called.status).toBe(503);
    expect(called.json.error).toMatchObject({ code: "unavailable" });

    // Enabled again, it answers at once on this instance.
    await updateToolOverrides({ actor: operator, overrides: { toolId: echo, ...defaults } });
    const answer = await passthrough.callTool({ name: "echo", arguments: { message: "back" } });
    expect(answer.content).toEqual([{ type: "text", text: "Echo: back" }]);
    expect((await fed.listTools()).tools.map((t) => t.name)).toContain(`${slug}__echo`);
  });

  it("versions every override with who and a diff, and restores an earlier version's overrides", async () => {
    const id = await toolId("get-tiny-image");
    await updateToolOverrides({
      actor: operator,
      overrides: { toolId: id, ...defaults, cacheTtlSeconds: 30, retryOverride: "never" },
    });
    await updateToolOverrides({
      actor: operator,
      overrides: { toolId: id, ...defaults, cacheTtlSeconds: 60, retryOverride: "never" },
    });
    const versions = await versionsOf("get-tiny-image");
    expect(versions.map((v) => [v.source, v.change])).toEqual([
      ["upstream", "created"],
      ["admin", "overrides"],
      ["admin", "overrides"],
    ]);
    expect(versions[1]).toMatchObject({ actorId: operator.id, actorLabel: "user:op@example.com" });
    expect(versions[1]?.diff).toEqual([
      { path: "overrides.cacheTtlSeconds", before: null, after: 30 },
      { path: "overrides.retryOverride", before: null, after: "never" },
    ]);
    expect(versions[2]?.diff).toEqual([{ path: "overrides.cacheTtlSeconds", before: 30, after: 60 }]);

    await restoreToolOverrides({ actor: operator, versionId: versions[1]!.id });
    const tool = await prisma.tool.findUniqueOrThrow({ where: { id } });
    expect(tool).toMatchObject({ cacheTtlSeconds: 30, retryOverride: "never", enabled: true });
    const after = await versionsOf("get-tiny-image");
    expect(after).toHaveLength(4);
    expect(after[3]?.diff).toEqual([{ path: "overrides.cacheTtlSeconds", before: 60, after: 30 }]);
    const audit = await prisma.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "tool.update_overrides",
      "tool.update_overrides",
      "tool.restore_overrides",
    ]);
  });

  it("versions an upstream change on refresh, soft-deletes a tool gone upstream, and restores it", async () => {
    const original = (await prisma.tool.findUniqueOrThrow({ where: { id: await toolId("echo") } }))
      .description;
    await prisma.tool.update({ where: { id: await toolId("echo") }, data: { description: "stale" } });
    await prisma.tool.create({ data: { serverId, name: "gone-tool", inputSchema: { type: "object" } } });

    const refreshed = await refreshServerTools({ actor: operator, serverId });
    expect(refreshed.tools).toMatchObject({ changed: 1, removed: 1 });
    const echoVersions = await versionsOf("echo");
    expect(echoVersions.at(-1)).toMatchObject({
      source: "upstream",
      change: "changed",
      actorLabel: "user:op@example.com",
      diff: [{ path: "definition.description", before: "stale", after: original }],
    });
    const gone = await prisma.tool.findUniqueOrThrow({ where: { id: await toolId("gone-tool") } });
    expect(gone.deletedAt).toBeInstanceOf(Date);
    expect(gone.deletedBy).toBe("upstream");
    expect((await versionsOf("gone-tool")).map((v) => v.change)).toEqual(["deleted"]);
    expect((await rest({ method: "list_tools" })).json.result.tools.map((t) => t.name)).not.toContain(
      "gone-tool",
    );

    await restoreTool({ actor: operator, toolId: gone.id });
    expect((await rest({ method: "list_tools" })).json.result.tools.map((t) => t.name)).toContain(
      "gone-tool",
    );
    // The upstream still does not list it: the next refresh marks it deleted again.
    await refreshServerTools({ actor: operator, serverId });
    expect((await versionsOf("gone-tool")).map((v) => v.change)).toEqual(["deleted", "restored", "deleted"]);
    await expect(restoreTool({ actor: operator, toolId: randomUUID() })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("keeps an admin's delete across refreshes until an admin restores the tool", async () => {
    const id = await toolId("get-env");
    const fed = await connect("/api/mcp");
    await deleteTool({ actor: operator, toolId: id });
    expect((await fed.listTools()).tools.map((t) => t.name)).not.toContain(`${slug}__get-env`);
    await expect(deleteTool({ actor: operator, toolId: id })).rejects.toMatchObject({ code: "conflict" });

    await refreshServerTools({ actor: operator, serverId });
    expect(await prisma.tool.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedBy: "admin" });
    expect((await fed.listTools()).tools.map((t) => t.name)).not.toContain(`${slug}__get-env`);

    await restoreTool({ actor: operator, toolId: id });
    expect((await fed.listTools()).tools.map((t) => t.name)).toContain(`${slug}__get-env`);
    expect((await versionsOf("get-env")).map((v) => `${v.source}:${v.change}`)).toEqual([
      "upstream:created",
      "admin:deleted",
      "admin:restored",
    ]);
  });

  it("lets only operators change a tool", async () => {
    const id = await toolId("echo");
    await expect(
      updateToolOverrides({ actor: viewer, overrides: { toolId: id, ...defaults, enabled: false } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteTool({ actor: viewer, toolId: id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.tool.findUniqueOrThrow({ where: { id } })).toMatchObject({
      enabled: true,
      deletedAt: null,
    });
  });
});
