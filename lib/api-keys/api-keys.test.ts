import { afterAll, describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/crypto/hash-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { createApiKey } from "./create-api-key";

const prisma = getPrisma();
const created: string[] = [];

afterAll(async () => {
  await prisma.apiKey.deleteMany({ where: { id: { in: created } } });
});

describe("createApiKey", () => {
  it("returns the key once and stores only its hash and display prefix", async () => {
    const result = await createApiKey({
      actor: { kind: "cli" },
      input: { name: "ci", scopes: ["mcp", "server:everything", "mcp"] },
    });
    created.push(result.id);
    expect(result.key).toMatch(/^orbit_/);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.hash).toBe(hashApiKey(result.key));
    expect(row.prefix).toBe(result.key.slice(0, 14));
    expect(row.scopes).toEqual(["mcp", "server:everything"]);
    expect(JSON.stringify(row)).not.toContain(result.key);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "apikey.create", targetId: result.id },
    });
    expect(JSON.stringify(audit?.details)).not.toContain(result.key);
  });

  it("refuses unknown scopes, past expiry and non-admin actors without writing anything", async () => {
    const before = await prisma.apiKey.count();
    await expect(
      createApiKey({ actor: { kind: "cli" }, input: { name: "x", scopes: ["root"] } }),
    ).rejects.toThrow(/Unknown scope/);
    await expect(
      createApiKey({
        actor: { kind: "cli" },
        input: { name: "x", scopes: ["mcp"], expiresAt: "2001-01-01" },
      }),
    ).rejects.toThrow(/future/);
    await expect(
      createApiKey({
        actor: { kind: "user", id: "u", email: "op@example.test", role: "operator" },
        input: { name: "x", scopes: ["mcp"] },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.apiKey.count()).toBe(before);
  });
});
