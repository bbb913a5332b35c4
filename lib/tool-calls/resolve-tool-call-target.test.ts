import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { sealHeaders } from "@/lib/servers/seal-headers";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";

const prisma = getPrisma();
const created: string[] = [];
afterAll(async () => {
  await prisma.server.deleteMany({ where: { id: { in: created } } });
});

async function server(options: { enabled?: boolean; endpoints?: string[] } = {}) {
  const row = await prisma.server.create({
    data: {
      slug: `resolve-${randomUUID().slice(0, 8)}`,
      name: "resolve test",
      enabled: options.enabled ?? true,
      timeoutMs: 1234,
      ...sealHeaders({ authorization: "Bearer upstream-token" }),
      endpoints: {
        create: (options.endpoints ?? ["http://b.test/mcp", "http://a.test/mcp"]).map((url, position) => ({
          url,
          position,
          weight: position + 1,
        })),
      },
      tools: {
        create: [
          {
            name: "lookup",
            inputSchema: { type: "object" },
            annotations: { readOnlyHint: true, title: "Lookup" },
            cacheTtlSeconds: 60,
            retryOverride: "never",
          },
        ],
      },
    },
  });
  created.push(row.id);
  return row;
}

describe("resolveToolCallTarget", () => {
  it("builds the target (replicas by position, decrypted headers) and the tool's hints and overrides", async () => {
    const row = await server();
    const { target, tool } = await resolveToolCallTarget({ serverId: row.id, toolName: "lookup" });
    expect(target).toEqual({
      serverId: row.id,
      slug: row.slug,
      replicas: [
        { url: "http://b.test/mcp", weight: 1 },
        { url: "http://a.test/mcp", weight: 2 },
      ],
      transport: "streamable_http",
      headers: { authorization: "Bearer upstream-token" },
      timeoutMs: 1234,
    });
    expect(tool).toEqual({
      name: "lookup",
      annotations: { readOnlyHint: true, idempotentHint: undefined, destructiveHint: undefined },
      cacheTtlSeconds: 60,
      retryOverride: "never",
    });
  });

  it("calls a tool the registry never listed with no hints: not cached, not repeated", async () => {
    const row = await server();
    const { tool } = await resolveToolCallTarget({ serverId: row.id, toolName: "unlisted" });
    expect(tool).toEqual({
      name: "unlisted",
      annotations: undefined,
      cacheTtlSeconds: null,
      retryOverride: undefined,
    });
  });

  it("refuses a missing, disabled or endpoint-less server", async () => {
    await expect(resolveToolCallTarget({ serverId: randomUUID(), toolName: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    const disabled = await server({ enabled: false });
    await expect(resolveToolCallTarget({ serverId: disabled.id, toolName: "x" })).rejects.toMatchObject({
      code: "unavailable",
    });
    const empty = await server({ endpoints: [] });
    await expect(resolveToolCallTarget({ serverId: empty.id, toolName: "x" })).rejects.toMatchObject({
      code: "unprocessable",
    });
  });
});
