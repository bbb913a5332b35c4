import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { listAuditEntries } from "./list-audit-entries";

// Integration: the real database. Entries are labelled with this run's suffix so other suites' rows never count.
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const admin: Actor = { kind: "user", id: "a", email: "admin@example.test", role: "admin" };
const operator: Actor = { kind: "user", id: "o", email: "op@example.test", role: "operator" };
const alice = `alice-${run}@example.test`;
const bob = `bob-${run}@example.test`;

beforeAll(async () => {
  const start = Date.UTC(2026, 0, 1);
  // 7 entries by Alice on servers, 3 by Bob on keys, one minute apart; two share a timestamp to test the tie-break.
  const rows = Array.from({ length: 10 }, (_, i) => ({
    actorLabel: i < 7 ? alice : bob,
    action: i < 7 ? (i % 2 ? "server.update" : "server.create") : "apikey.revoke",
    targetType: i < 7 ? "server" : "apikey",
    targetId: `t-${run}-${i}`,
    createdAt: new Date(start + Math.min(i, 8) * 60_000),
  }));
  await prisma.auditLog.createMany({ data: rows });
});

afterAll(async () => {
  await prisma.auditLog.deleteMany({ where: { targetId: { startsWith: `t-${run}-` } } });
});

describe("listAuditEntries", () => {
  it("pages newest first with a cursor, without repeating or skipping an entry", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEntries({ actor: admin, filters: { actor: run }, cursor, limit: 3 });
      seen.push(...page.entries.map((entry) => entry.targetId!));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(10);
    // Newest first: entries 8 and 9 share a time, so the id decides between them, and 0 comes last.
    expect(seen.slice(2)).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map((i) => `t-${run}-${i}`));
  });

  it("filters by actor, action (exact or prefix), target type and time", async () => {
    const byBob = await listAuditEntries({ actor: admin, filters: { actor: `BOB-${run}` } });
    expect(byBob.entries.map((entry) => entry.actorLabel)).toEqual([bob, bob, bob]);

    const updates = await listAuditEntries({
      actor: admin,
      filters: { actor: run, action: "server.update" },
    });
    expect(updates.entries).toHaveLength(3);
    const serverActions = await listAuditEntries({
      actor: admin,
      filters: { actor: run, action: "server." },
    });
    expect(serverActions.entries).toHaveLength(7);
    const keys = await listAuditEntries({ actor: admin, filters: { actor: run, target: "apikey" } });
    expect(keys.entries).toHaveLength(3);

    const window = await listAuditEntries({
      actor: admin,
      filters: { actor: run, from: "2026-01-01T00:02", to: "2026-01-01T00:04" },
    });
    expect(window.entries.map((entry) => entry.targetId)).toEqual([4, 3, 2].map((i) => `t-${run}-${i}`));
  });

  it("refuses a non-admin and says which filter is wrong", async () => {
    await expect(listAuditEntries({ actor: operator, filters: {} })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(listAuditEntries({ actor: admin, filters: { from: "yesterday" } })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining('Filter "from"'),
    });
    await expect(listAuditEntries({ actor: admin, filters: {}, cursor: "garbage" })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
