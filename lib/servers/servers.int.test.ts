import { randomUUID } from "node:crypto";
import { createServer as createNetServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import type { AppError } from "@/lib/errors/app-error";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { startTestServer, type TestServer } from "@/lib/test/start-test-servers";
import { createServer } from "./create-server";
import { deleteServer } from "./delete-server";
import { getServerOrThrow } from "./get-server-or-throw";
import { inspectDraftServer } from "./inspect-draft-server";
import { listServers } from "./list-servers";
import { refreshServerTools } from "./refresh-server-tools";
import { setServerEnabled } from "./set-server-enabled";
import { testServerConnection } from "./test-server-connection";
import { updateServer } from "./update-server";

// Real Postgres (DATABASE_URL from the test setup), the real reference MCP server, and small SDK-built upstreams for
// auth and the old SSE transport. Every test seeds its own slugs under one run prefix and everything is removed
// at the end.

const run = randomUUID().slice(0, 8);
let counter = 0;
const slug = (label: string) => `t-${run}-${label}-${++counter}`;

const operator: Actor = { kind: "user", id: randomUUID(), email: "operator@example.test", role: "operator" };
const viewer: Actor = { kind: "user", id: randomUUID(), email: "viewer@example.test", role: "viewer" };

const prisma = getPrisma();
let everything: EverythingServer;
const stoppers: (() => Promise<void>)[] = [];

async function start(kind: Parameters<typeof startTestServer>[0], token?: string): Promise<TestServer> {
  const server = await startTestServer(kind, { token });
  stoppers.push(server.stop);
  return server;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

async function auditFor(targetId: string) {
  return prisma.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } });
}

/** A port nothing listens on: bound once to learn a free number, then released. */
async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  everything = await startEverythingServer();
});

afterAll(async () => {
  const servers = await prisma.server.findMany({
    where: { slug: { startsWith: `t-${run}-` } },
    select: { id: true },
  });
  const ids = servers.map((s) => s.id);
  await prisma.server.deleteMany({ where: { id: { in: ids } } });
  await prisma.auditLog.deleteMany({
    where: { actorId: { in: [operator.kind === "user" ? operator.id : ""] } },
  });
  await Promise.all(stoppers.map((stop) => stop()));
  await everything?.stop();
});

describe("registering a server with fetchTools", () => {
  it("stores the server, its info and its tools with their schemas, and audits it", async () => {
    const created = await createServer({
      actor: operator,
      input: {
        name: "Everything",
        slug: slug("everything"),
        endpoints: [{ url: everything.url }],
        tags: ["ref"],
      },
      fetchTools: true,
    });
    expect(created.toolCount).toBeGreaterThan(5);
    expect(created.serverInfo).toMatchObject({
      name: "mcp-servers/everything",
      transport: "streamable_http",
    });
    expect(created.lastCheckedAt).toBeInstanceOf(Date);

    const echo = await prisma.tool.findUnique({
      where: { serverId_name: { serverId: created.id, name: "echo" } },
    });
    expect(echo?.description).toBeTruthy();
    expect(echo?.inputSchema).toMatchObject({ type: "object", properties: { message: { type: "string" } } });
    expect(echo?.annotations).toBeTruthy();

    const audit = await auditFor(created.id);
    expect(audit.map((a) => a.action)).toEqual(["server.create"]);
    expect(audit[0]).toMatchObject({ actorId: operator.kind === "user" ? operator.id : null });
    expect(audit[0]?.details).toMatchObject({ slug: created.slug, toolsAdded: created.toolCount });
  });

  it("derives the slug from the name and refuses a duplicate slug with a clear message", async () => {
    const name = `Everything ${run} dup`;
    const first = await createServer({
      actor: operator,
      input: { name, endpoints: [{ url: everything.url }] },
    });
    expect(first.slug).toBe(`everything-${run}-dup`);
    try {
      const error = await rejection(
        createServer({
          actor: operator,
          input: { name, endpoints: [{ url: everything.url }] },
          fetchTools: true,
        }),
      );
      expect(error).toMatchObject({ code: "conflict" });
      expect(error.message).toBe(
        `A server with the slug "everything-${run}-dup" already exists; choose another slug.`,
      );
    } finally {
      await prisma.server.delete({ where: { id: first.id } });
    }
  });

  it("saves nothing when the URL is unreachable", async () => {
    const port = await closedPort();
    const s = slug("refused");
    const error = await rejection(
      createServer({
        actor: operator,
        input: { name: "Refused", slug: s, endpoints: [{ url: `http://127.0.0.1:${port}/mcp` }] },
        fetchTools: true,
      }),
    );
    expect(error).toMatchObject({ code: "upstream_error", status: 502 });
    expect(error.message).toBe(`Could not reach http://127.0.0.1:${port}: connection refused`);
    expect(await prisma.server.count({ where: { slug: s } })).toBe(0);
  });

  it.each([
    ["an HTML page", "html", 200],
    ["a 404 page", "not-found", 404],
  ] as const)("saves nothing when the URL is %s, not an MCP server", async (_, kind, status) => {
    const page = await start(kind);
    const s = slug(kind);
    const error = await rejection(
      createServer({
        actor: operator,
        input: { name: "Web", slug: s, endpoints: [{ url: page.url }] },
        fetchTools: true,
      }),
    );
    expect(error).toMatchObject({ code: "upstream_error" });
    expect(error.message).toBe(`${page.url} answered but is not an MCP server (HTTP ${status})`);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(await prisma.server.count({ where: { slug: s } })).toBe(0);
  });

  it("saves nothing when the server does not answer in time", async () => {
    const silent = await start("silent");
    const s = slug("silent");
    const error = await rejection(
      createServer({
        actor: operator,
        input: { name: "Silent", slug: s, endpoints: [{ url: silent.url }], timeoutMs: 1000 },
        fetchTools: true,
      }),
    );
    expect(error).toMatchObject({ code: "upstream_timeout", status: 504 });
    expect(error.message).toBe(`${new URL(silent.url).origin} did not answer within 1000 ms`);
    expect(await prisma.server.count({ where: { slug: s } })).toBe(0);
  });
});

describe("testing and refreshing a stored server", () => {
  it("testServerConnection reports what the server offers and records its info, without touching tools", async () => {
    const server = await createServer({
      actor: operator,
      input: { name: "Everything", slug: slug("test"), endpoints: [{ url: everything.url }] },
    });
    expect(server.toolCount).toBe(0);

    const inspection = await testServerConnection({ actor: operator, serverId: server.id });
    expect(inspection.serverInfo).toMatchObject({
      name: "mcp-servers/everything",
      version: expect.any(String),
    });
    expect(inspection.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inspection.tools.map((t) => t.name)).toContain("echo");
    expect(inspection.resources.length).toBeGreaterThan(0);
    expect(inspection.resourceTemplates.length).toBeGreaterThan(0);
    expect(inspection.prompts.length).toBeGreaterThan(0);

    const after = await getServerOrThrow({ actor: viewer, serverId: server.id });
    expect(after.toolCount).toBe(0);
    expect(after.serverInfo?.name).toBe("mcp-servers/everything");
    expect(after.lastCheckedAt).toBeInstanceOf(Date);
    expect((await auditFor(server.id)).map((a) => a.action)).toEqual(["server.create", "server.test"]);
  });

  it("testServerConnection only connects to the server's own endpoints", async () => {
    const server = await createServer({
      actor: operator,
      input: { name: "Everything", slug: slug("own-url"), endpoints: [{ url: everything.url }] },
    });
    const error = await rejection(
      testServerConnection({ actor: operator, serverId: server.id, url: "http://127.0.0.1:9/elsewhere" }),
    );
    expect(error).toMatchObject({
      code: "bad_request",
      message: "That URL is not one of this server's endpoints.",
    });
    const ok = await testServerConnection({ actor: operator, serverId: server.id, url: everything.url });
    expect(ok.serverInfo.name).toBe("mcp-servers/everything");
  });

  it("refreshServerTools adds listed tools, rewrites changed ones and deletes unlisted ones, with counts", async () => {
    const server = await createServer({
      actor: operator,
      input: { name: "Everything", slug: slug("refresh"), endpoints: [{ url: everything.url }] },
    });
    const first = await refreshServerTools({ actor: operator, serverId: server.id });
    expect(first.tools.added).toBe(first.server.toolCount);
    expect(first.tools).toMatchObject({ changed: 0, removed: 0 });

    await prisma.tool.create({
      data: { serverId: server.id, name: "gone-tool", inputSchema: { type: "object" } },
    });
    await prisma.tool.update({
      where: { serverId_name: { serverId: server.id, name: "echo" } },
      data: { description: "stale" },
    });
    const second = await refreshServerTools({ actor: operator, serverId: server.id });
    expect(second.tools).toMatchObject({ added: 0, changed: 1, removed: 1, total: first.server.toolCount });
    // Soft-deleted: kept with its history, out of the registry's lists.
    expect(
      await prisma.tool.count({ where: { serverId: server.id, name: "gone-tool", deletedAt: null } }),
    ).toBe(0);
    const echo = await prisma.tool.findUnique({
      where: { serverId_name: { serverId: server.id, name: "echo" } },
    });
    expect(echo?.description).toBe("Echoes back the input string");

    const audit = await auditFor(server.id);
    expect(audit.map((a) => a.action)).toEqual([
      "server.create",
      "server.refresh_tools",
      "server.refresh_tools",
    ]);
    expect(audit[2]?.details).toMatchObject({ added: 0, changed: 1, removed: 1 });
  });

  it("a failed refresh changes nothing", async () => {
    const port = await closedPort();
    const server = await createServer({
      actor: operator,
      input: { name: "Later", slug: slug("later"), endpoints: [{ url: `http://127.0.0.1:${port}/mcp` }] },
    });
    await prisma.tool.create({
      data: { serverId: server.id, name: "kept", inputSchema: { type: "object" } },
    });
    const error = await rejection(refreshServerTools({ actor: operator, serverId: server.id }));
    expect(error.message).toBe(`Could not reach http://127.0.0.1:${port}: connection refused`);
    expect(await prisma.tool.count({ where: { serverId: server.id } })).toBe(1);
    expect((await auditFor(server.id)).map((a) => a.action)).toEqual(["server.create"]);
  });
});

describe("headers", () => {
  it("are stored encrypted and never returned, only their names", async () => {
    const created = await createServer({
      actor: operator,
      input: {
        name: "Secretive",
        slug: slug("headers"),
        endpoints: [{ url: everything.url }],
        headers: [
          { name: "Authorization", value: "Bearer plaintext-token-123" },
          { name: "X-Team", value: "blue-team-value" },
        ],
      },
    });
    expect(created.headerNames).toEqual(["Authorization", "X-Team"]);

    const rows = await prisma.$queryRaw<{ headersEncrypted: string }[]>`
      SELECT "headersEncrypted" FROM "Server" WHERE id = ${created.id}`;
    expect(rows[0]?.headersEncrypted).toMatch(/^v1\./);
    expect(rows[0]?.headersEncrypted).not.toContain("plaintext-token-123");
    expect(rows[0]?.headersEncrypted).not.toContain("blue-team-value");

    const listed = (await listServers({ actor: viewer })).find((s) => s.id === created.id);
    const single = await getServerOrThrow({ actor: viewer, serverId: created.id });
    for (const view of [created, listed, single]) {
      const json = JSON.stringify(view);
      expect(json).not.toContain("plaintext-token-123");
      expect(json).not.toContain("blue-team-value");
      expect(json).not.toContain("headersEncrypted");
    }
    expect(listed?.headerNames).toEqual(["Authorization", "X-Team"]);
    expect(JSON.stringify(await auditFor(created.id))).not.toContain("plaintext-token-123");
  });

  it("the stored bearer token is sent upstream; blank keeps it, remove drops it, and a refusal is explained", async () => {
    const guarded = await start("bearer", "sekret");
    const created = await createServer({
      actor: operator,
      input: {
        name: "Guarded",
        slug: slug("bearer"),
        endpoints: [{ url: guarded.url }],
        headers: [{ name: "Authorization", value: "Bearer sekret" }],
      },
      fetchTools: true,
    });
    expect(created.toolCount).toBe(1);
    expect(guarded.authorizations.length).toBeGreaterThan(0);
    expect(guarded.authorizations.every((a) => a === "Bearer sekret")).toBe(true);

    // An edit that leaves the value blank keeps the stored token.
    await updateServer({
      actor: operator,
      serverId: created.id,
      input: {
        headers: [
          { name: "Authorization", value: "" },
          { name: "X-Extra", value: "1" },
        ],
      },
    });
    const ok = await testServerConnection({ actor: operator, serverId: created.id });
    expect(ok.serverInfo).toMatchObject({ name: "bearer-test", version: "1.2.3" });

    await updateServer({
      actor: operator,
      serverId: created.id,
      input: { headers: [{ name: "Authorization", value: "Bearer wrong" }] },
    });
    const refused = await rejection(testServerConnection({ actor: operator, serverId: created.id }));
    expect(refused).toMatchObject({ code: "upstream_error" });
    expect(refused.message).toBe(`${new URL(guarded.url).origin} refused our credentials (HTTP 401)`);

    const removed = await updateServer({
      actor: operator,
      serverId: created.id,
      input: { headers: [{ name: "authorization", remove: true }] },
    });
    expect(removed.headerNames).toEqual(["X-Extra"]);
    guarded.authorizations.length = 0;
    await rejection(testServerConnection({ actor: operator, serverId: created.id }));
    expect(guarded.authorizations).toEqual([undefined]);

    const audit = await auditFor(created.id);
    expect(audit.filter((a) => a.action === "server.update").map((a) => a.details)).toEqual([
      expect.objectContaining({ headers: { set: ["X-Extra"], removed: [] } }),
      expect.objectContaining({ headers: { set: ["Authorization"], removed: [] } }),
      expect.objectContaining({ headers: { set: [], removed: ["authorization"] } }),
    ]);
    expect(JSON.stringify(audit)).not.toContain("sekret");
  });

  it("registering without the token fails clearly and saves nothing", async () => {
    const guarded = await start("bearer", "sekret");
    const s = slug("no-token");
    const error = await rejection(
      createServer({
        actor: operator,
        input: { name: "G", slug: s, endpoints: [{ url: guarded.url }] },
        fetchTools: true,
      }),
    );
    expect(error.message).toBe(`${new URL(guarded.url).origin} refused our credentials (HTTP 401)`);
    expect(await prisma.server.count({ where: { slug: s } })).toBe(0);
  });
});

describe("the old HTTP+SSE transport", () => {
  it("works when registered with transport sse", async () => {
    const legacy = await start("sse-only");
    const created = await createServer({
      actor: operator,
      input: { name: "Legacy", slug: slug("sse"), transport: "sse", endpoints: [{ url: legacy.url }] },
      fetchTools: true,
    });
    expect(created).toMatchObject({ transport: "sse", toolCount: 1 });
    expect(created.serverInfo).toMatchObject({ name: "sse-only-test", transport: "sse" });
    const shout = await prisma.tool.findUnique({
      where: { serverId_name: { serverId: created.id, name: "shout" } },
    });
    expect(shout?.inputSchema).toMatchObject({ properties: { message: { type: "string" } } });
  });

  it("is reached by fallback when registered as streamable_http", async () => {
    const legacy = await start("sse-only");
    const created = await createServer({
      actor: operator,
      input: { name: "Legacy", slug: slug("fallback"), endpoints: [{ url: legacy.url }] },
      fetchTools: true,
    });
    expect(created).toMatchObject({ transport: "streamable_http", toolCount: 1 });
    // What answered is recorded, so the UI can suggest switching the transport.
    expect(created.serverInfo?.transport).toBe("sse");
  });
});

describe("authorization", () => {
  it("a viewer cannot create, update, enable, delete, test or refresh, and nothing changes", async () => {
    const server = await createServer({
      actor: operator,
      input: { name: "Guarded row", slug: slug("viewer"), endpoints: [{ url: everything.url }] },
    });
    const before = await prisma.server.findUniqueOrThrow({
      where: { id: server.id },
      include: { endpoints: true },
    });
    const s = slug("viewer-new");

    const attempts: (() => Promise<unknown>)[] = [
      () =>
        createServer({
          actor: viewer,
          input: { name: "Nope", slug: s, endpoints: [{ url: everything.url }] },
        }),
      () => updateServer({ actor: viewer, serverId: server.id, input: { name: "Renamed" } }),
      () => setServerEnabled({ actor: viewer, serverId: server.id, enabled: false }),
      () => deleteServer({ actor: viewer, serverId: server.id }),
      () => testServerConnection({ actor: viewer, serverId: server.id }),
      () => refreshServerTools({ actor: viewer, serverId: server.id }),
      () => inspectDraftServer({ actor: viewer, input: { endpoints: [{ url: everything.url }] } }),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt())).toMatchObject({ code: "forbidden", status: 403 });
    }

    expect(await prisma.server.count({ where: { slug: s } })).toBe(0);
    const after = await prisma.server.findUniqueOrThrow({
      where: { id: server.id },
      include: { endpoints: true },
    });
    expect(after).toEqual(before);
    expect((await auditFor(server.id)).map((a) => a.action)).toEqual(["server.create"]);
    // Reading is what a viewer may do.
    expect((await listServers({ actor: viewer })).some((v) => v.id === server.id)).toBe(true);
  });
});

describe("editing, enabling and deleting", () => {
  it("updates fields and endpoints (keeping ids of kept URLs), toggles enabled, deletes, and audits each", async () => {
    const server = await createServer({
      actor: operator,
      input: {
        name: "Editable",
        slug: slug("edit"),
        endpoints: [{ url: "http://127.0.0.1:9/a" }, { url: "http://127.0.0.1:9/b", weight: 5 }],
      },
    });
    const keptId = server.endpoints[1]!.id;
    const newSlug = slug("edited");
    const updated = await updateServer({
      actor: operator,
      serverId: server.id,
      input: {
        name: "Edited",
        slug: newSlug,
        timeoutMs: 5000,
        tags: ["eu"],
        endpoints: [{ url: "http://127.0.0.1:9/b", weight: 10 }, { url: "http://127.0.0.1:9/c" }],
      },
    });
    expect(updated).toMatchObject({ name: "Edited", slug: newSlug, timeoutMs: 5000, tags: ["eu"] });
    expect(updated.endpoints).toEqual([
      { id: keptId, url: "http://127.0.0.1:9/b", weight: 10, position: 0 },
      { id: expect.any(String), url: "http://127.0.0.1:9/c", weight: 1, position: 1 },
    ]);

    expect((await setServerEnabled({ actor: operator, serverId: server.id, enabled: false })).enabled).toBe(
      false,
    );
    expect((await setServerEnabled({ actor: operator, serverId: server.id, enabled: true })).enabled).toBe(
      true,
    );
    expect(await deleteServer({ actor: operator, serverId: server.id })).toEqual({
      id: server.id,
      slug: newSlug,
    });
    expect(await prisma.server.count({ where: { id: server.id } })).toBe(0);
    expect(await prisma.serverEndpoint.count({ where: { serverId: server.id } })).toBe(0);

    const audit = await auditFor(server.id);
    expect(audit.map((a) => a.action)).toEqual([
      "server.create",
      "server.update",
      "server.disable",
      "server.enable",
      "server.delete",
    ]);
    expect(audit[1]?.details).toMatchObject({
      changes: { name: { from: "Editable", to: "Edited" }, timeoutMs: { from: 30000, to: 5000 } },
    });
    expect(await rejection(getServerOrThrow({ actor: viewer, serverId: server.id }))).toMatchObject({
      code: "not_found",
    });
  });

  it("refuses to rename onto a taken slug", async () => {
    const a = await createServer({
      actor: operator,
      input: { name: "A", slug: slug("a"), endpoints: [{ url: everything.url }] },
    });
    const b = await createServer({
      actor: operator,
      input: { name: "B", slug: slug("b"), endpoints: [{ url: everything.url }] },
    });
    const error = await rejection(updateServer({ actor: operator, serverId: b.id, input: { slug: a.slug } }));
    expect(error).toMatchObject({ code: "conflict" });
    expect((await getServerOrThrow({ actor: viewer, serverId: b.id })).slug).toBe(b.slug);
  });
});

describe("inspectDraftServer", () => {
  it("inspects an unsaved form and saves nothing", async () => {
    const audits = () =>
      prisma.auditLog.count({ where: { actorId: operator.kind === "user" ? operator.id : "" } });
    const before = await audits();
    const inspection = await inspectDraftServer({
      actor: operator,
      input: { endpoints: [{ url: everything.url }], timeoutMs: 10_000 },
    });
    expect(inspection.tools.find((t) => t.name === "echo")?.inputSchema).toMatchObject({
      properties: { message: { type: "string" } },
    });
    expect(await audits()).toBe(before);
  });

  it("lays unsaved edits over the stored server, blank header values meaning the stored ones", async () => {
    const guarded = await start("bearer", "sekret");
    const server = await createServer({
      actor: operator,
      input: {
        name: "Draft edit",
        slug: slug("draft"),
        endpoints: [{ url: everything.url }],
        headers: [{ name: "Authorization", value: "Bearer sekret" }],
      },
    });
    const inspection = await inspectDraftServer({
      actor: operator,
      serverId: server.id,
      input: { endpoints: [{ url: guarded.url }], headers: [{ name: "Authorization", value: "" }] },
    });
    expect(inspection.serverInfo.name).toBe("bearer-test");
    expect((await getServerOrThrow({ actor: viewer, serverId: server.id })).endpoints[0]?.url).toBe(
      everything.url,
    );
  });
});
