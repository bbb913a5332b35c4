import { readdir } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "./migrate-database";
import { prismaPaths } from "./prisma-paths";

// Runs against the database lib/test/global-setup.ts prepared (and already migrated once).
describe("migrateDatabase", () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("records every migration in _prisma_migrations, as prisma migrate deploy does", async () => {
    const onDisk = (await readdir(prismaPaths.migrations, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(onDisk.some((name) => name.endsWith("_init"))).toBe(true);
    expect(rows.map((row) => row.migration_name)).toEqual(onDisk);
  });

  it("creates the schema's tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["User", "ApiKey", "Server", "ServerEndpoint", "Tool", "AuditLog"]),
    );
  });

  it("applies nothing the second time", async () => {
    const databaseUrl = process.env.DATABASE_URL ?? "";
    await expect(migrateDatabase({ databaseUrl })).resolves.toEqual({ applied: [] });
  });
});
