import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { type ServedPglite, servePglite } from "./serve-pglite";

// Web, worker and CLI share one PGlite session through the socket server; these are the ways that goes wrong.
describe("servePglite", () => {
  let db: PGlite;
  let served: ServedPglite;
  beforeAll(async () => {
    db = await PGlite.create();
    served = await servePglite({ db });
    await migrateDatabase({ databaseUrl: served.databaseUrl });
  });
  afterAll(async () => {
    await served.stop();
    await db.close();
  });

  it("keeps each connection's results its own when large queries arrive in several TCP chunks", async () => {
    const pool = new pg.Pool({ connectionString: served.databaseUrl, max: 10 });
    const big = "x".repeat(300_000);
    try {
      const results = await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          const shape = i % 3;
          const payload = shape === 0 ? big : `v${i}`;
          const { rows } = await pool.query(
            `SELECT $1::int + ${shape * 1000} AS n${shape}, length($2) AS len`,
            [i, payload],
          );
          return rows[0][`n${shape}`] === i + shape * 1000 && rows[0].len === payload.length;
        }),
      );
      expect(results.every(Boolean)).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it("serves several Prisma clients at once, transactions included", async () => {
    const clients = [0, 1, 2].map(
      () => new PrismaClient({ adapter: new PrismaPg({ connectionString: served.databaseUrl, max: 5 }) }),
    );
    const run = `${Date.now()}`;
    const hash = "h".repeat(200_000);
    try {
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const prisma = clients[i % clients.length]!;
          const email = `serve-${run}-${i}@example.test`;
          if (i % 4 === 0) {
            await prisma.$transaction(async (tx) => {
              await tx.user.create({ data: { email, passwordHash: hash } });
              await tx.auditLog.create({ data: { actorLabel: email, action: "test.concurrency" } });
            });
          } else {
            await prisma.user.create({ data: { email, passwordHash: i % 2 ? hash : "short" } });
          }
          const found = await prisma.user.findUnique({
            where: { email },
            select: { email: true, passwordHash: true },
          });
          expect(found?.email).toBe(email);
          expect(found?.passwordHash.length).toBe(i % 4 === 0 || i % 2 ? hash.length : 5);
        }),
      );
      const created = await clients[0]!.user.count({ where: { email: { startsWith: `serve-${run}-` } } });
      expect(created).toBe(60);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  });

  it("rolls back what a vanished connection left open, so the others carry on", async () => {
    const pool = new pg.Pool({ connectionString: served.databaseUrl, max: 2 });
    try {
      const abandoned = await pool.connect();
      await abandoned.query("BEGIN");
      await abandoned.query("SELECT 1/0").catch(() => {});
      abandoned.release(new Error("drop this connection"));
      const { rows } = await pool.query("SELECT 42 AS answer");
      expect(rows[0].answer).toBe(42);
    } finally {
      await pool.end();
    }
  });
});
