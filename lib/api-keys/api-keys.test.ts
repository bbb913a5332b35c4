import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { hashApiKey } from "@/lib/crypto/hash-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { createUser } from "@/lib/users/create-user";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

// Integration: the real database. Every key made here is named with this run's suffix and removed afterwards.
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const created: string[] = [];
const cli: Actor = { kind: "cli" };
const operator: Actor = { kind: "user", id: "u", email: "op@example.test", role: "operator" };

async function makeKey(input: Parameters<typeof createApiKey>[0]["input"], actor: Actor = cli) {
  const result = await createApiKey({ actor, input });
  created.push(result.id);
  return result;
}

afterAll(async () => {
  await prisma.apiKey.deleteMany({ where: { id: { in: created } } });
  await prisma.user.deleteMany({ where: { email: { endsWith: `-${run}@example.test` } } });
});

describe("createApiKey", () => {
  it("returns the key once and stores only its hash and display prefix", async () => {
    const result = await makeKey({ name: "ci", scopes: ["mcp", "server:everything", "mcp"] });
    expect(result.key).toMatch(/^orbit_/);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: result.id }, omit: { hash: false } });
    expect(row.hash).toBe(hashApiKey(result.key));
    expect(row.prefix).toBe(result.key.slice(0, 14));
    expect(row.scopes).toEqual(["mcp", "server:everything"]);
    expect(row.allowedTools).toEqual([]);
    expect(row.deniedTools).toEqual([]);
    expect(JSON.stringify(row)).not.toContain(result.key);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "apikey.create", targetId: result.id },
    });
    expect(JSON.stringify(audit?.details)).not.toContain(result.key);
  });

  it("stores tool lists and expiry, trimmed and without duplicates", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000);
    const result = await makeKey({
      name: `lists-${run}`,
      scopes: ["server:everything"],
      allowedTools: [" everything/echo ", "everything/get_*", "everything/echo"],
      deniedTools: ["*/delete_*"],
      expiresAt: expiresAt.toISOString(),
    });
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.allowedTools).toEqual(["everything/echo", "everything/get_*"]);
    expect(row.deniedTools).toEqual(["*/delete_*"]);
    expect(row.expiresAt?.getTime()).toBe(expiresAt.getTime());
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "apikey.create", targetId: result.id },
    });
    expect(audit.details).toMatchObject({ allowedTools: row.allowedTools, deniedTools: row.deniedTools });
  });

  it("refuses unknown scopes and patterns, past expiry and non-admin actors without writing anything", async () => {
    const before = await prisma.apiKey.count();
    await expect(makeKey({ name: "x", scopes: ["root"] })).rejects.toThrow(/Unknown scope/);
    await expect(makeKey({ name: "x", scopes: ["mcp"], expiresAt: "2001-01-01" })).rejects.toThrow(/future/);
    for (const pattern of ["echo", "Everything/echo", "everything/", "/echo", "everything/has space"]) {
      await expect(makeKey({ name: "x", scopes: ["mcp"], deniedTools: [pattern] }), pattern).rejects.toThrow(
        /<server-slug>\/<tool>/,
      );
    }
    // An allow pattern for a server the scopes do not give could never match: refused with the reason.
    await expect(
      makeKey({ name: "x", scopes: ["server:a"], allowedTools: ["a/echo", "b/echo"] }),
    ).rejects.toMatchObject({
      issues: [{ path: ["allowedTools", 1], message: expect.stringMatching(/scopes do not include/) }],
    });
    await expect(makeKey({ name: "x", scopes: ["mcp"] }, operator)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await prisma.apiKey.count()).toBe(before);
  });
});

describe("listApiKeys", () => {
  it("lists keys with status and creator, never the hash, for admins only", async () => {
    const admin = await createUser({
      actor: cli,
      input: { email: `admin-${run}@example.test`, password: "a long password 123", role: "admin" },
    });
    const adminActor: Actor = { kind: "user", id: admin.id, email: admin.email, role: "admin" };
    const byAdmin = await makeKey({ name: `by-admin-${run}`, scopes: ["metrics"] }, adminActor);
    const byCli = await makeKey({ name: `by-cli-${run}`, scopes: ["mcp"], deniedTools: ["x/*"] });
    const expired = await makeKey({ name: `expired-${run}`, scopes: ["mcp"] });
    await prisma.apiKey.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const revoked = await makeKey({ name: `revoked-${run}`, scopes: ["mcp"] });
    await revokeApiKey({ actor: cli, apiKeyId: revoked.id });

    const keys = await listApiKeys({ actor: adminActor });
    const status = Object.fromEntries(
      keys.filter((k) => k.name.endsWith(run)).map((k) => [k.name, k.status]),
    );
    expect(status).toMatchObject({
      [`by-admin-${run}`]: "active",
      [`by-cli-${run}`]: "active",
      [`expired-${run}`]: "expired",
      [`revoked-${run}`]: "revoked",
    });
    expect(keys.find((k) => k.id === byAdmin.id)?.createdBy).toBe(admin.email);
    expect(keys.find((k) => k.id === byCli.id)).toMatchObject({ createdBy: "cli", deniedTools: ["x/*"] });
    const text = JSON.stringify(keys);
    expect(text).not.toContain('"hash"');
    for (const k of [byAdmin, byCli, expired, revoked]) expect(text).not.toContain(k.key);

    await expect(listApiKeys({ actor: operator })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("revokeApiKey", () => {
  it("sets revokedAt once, audits once, and is a no-op the second time", async () => {
    const key = await makeKey({ name: `revoke-${run}`, scopes: ["mcp"] });
    const first = await revokeApiKey({ actor: cli, apiKeyId: key.id, ip: "203.0.113.9" });
    expect(first.alreadyRevoked).toBe(false);
    expect(first.key.status).toBe("revoked");
    const revokedAt = first.key.revokedAt;
    expect(revokedAt).toBeInstanceOf(Date);

    const second = await revokeApiKey({ actor: cli, apiKeyId: key.id });
    expect(second.alreadyRevoked).toBe(true);
    expect(second.key.revokedAt).toEqual(revokedAt);

    const audits = await prisma.auditLog.findMany({ where: { action: "apikey.revoke", targetId: key.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorLabel: "cli", ip: "203.0.113.9" });
    expect(JSON.stringify(audits[0]?.details)).not.toContain(key.key);
  });

  it("answers not_found for an unknown id and forbidden for a non-admin, changing nothing", async () => {
    await expect(revokeApiKey({ actor: cli, apiKeyId: randomUUID() })).rejects.toMatchObject({
      code: "not_found",
    });
    const key = await makeKey({ name: `kept-${run}`, scopes: ["mcp"] });
    await expect(revokeApiKey({ actor: operator, apiKeyId: key.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedAt).toBeNull();
  });
});
