import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { listCallableTools } from "./list-callable-tools";
import { testToolCall } from "./test-tool-call";

// Integration: the real database, a real server-everything and the real tool-call path.
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slug = `maint-${run}`;
const deadSlug = `maint-dead-${run}`;
const operator: Actor = { kind: "user", id: `op-${run}`, email: "op@example.test", role: "operator" };
const viewer: Actor = { kind: "user", id: `v-${run}`, email: "v@example.test", role: "viewer" };
let everything: EverythingServer;
let serverId: string;
let deadId: string;

beforeAll(async () => {
  everything = await startEverythingServer();
  serverId = (await registerTestServer({ slug, url: everything.url, fetchTools: true })).id;
  deadId = (
    await registerTestServer({ slug: deadSlug, url: `http://127.0.0.1:${await findClosedPort()}/mcp` })
  ).id;
});

afterAll(async () => {
  await flushRequestLog();
  await prisma.requestLog.deleteMany({ where: { serverId: { in: [serverId, deadId] } } });
  await prisma.server.deleteMany({ where: { slug: { in: [slug, deadSlug] } } });
  await everything?.stop();
});

describe("testToolCall", () => {
  it("calls the tool through Orbit and reports the result, latency and attempts, and records it", async () => {
    const requestId = randomUUID();
    const answer = await testToolCall({
      actor: operator,
      serverId,
      toolName: "echo",
      args: { message: `hello ${run}` },
      requestId,
    });
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer.result)).toContain(`Echo: hello ${run}`);
    expect(answer.attempts).toBe(1);
    expect(answer.cached).toBe(false);
    expect(answer.replica).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    await flushRequestLog();
    const row = await prisma.requestLog.findFirstOrThrow({ where: { requestId } });
    expect(row).toMatchObject({ source: "chat", status: "succeeded", tool: "echo", serverSlug: slug });
  });

  it("answers an unreachable upstream with the error and the attempts made instead of throwing", async () => {
    const answer = await testToolCall({
      actor: operator,
      serverId: deadId,
      toolName: "echo",
      args: {},
      requestId: randomUUID(),
    });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toMatch(/^upstream_/);
    expect(answer.attempts).toBeGreaterThanOrEqual(1);
  });

  it("is for operators: a viewer is refused before anything is called", async () => {
    await expect(
      testToolCall({ actor: viewer, serverId, toolName: "echo", args: {}, requestId: randomUUID() }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listCallableTools({ actor: viewer })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("offers enabled servers with their listed tools", async () => {
    const servers = await listCallableTools({ actor: operator });
    expect(servers.find((server) => server.id === serverId)?.tools).toContain("echo");
  });
});
