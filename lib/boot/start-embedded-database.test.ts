import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabaseUrl } from "./resolve-database-url";
import { EmbeddedDatabaseBusyError, startEmbeddedDatabase } from "./start-embedded-database";

describe("startEmbeddedDatabase", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "orbit-embedded-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("serves one owner per data directory and lets others join it", async () => {
    const owner = await startEmbeddedDatabase({ dataDir });
    try {
      const recorded = JSON.parse(await readFile(path.join(dataDir, "embedded.json"), "utf8"));
      expect(recorded).toEqual({ pid: process.pid, port: owner.port, databaseUrl: owner.databaseUrl });

      await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
      const joined = await resolveDatabaseUrl({ dataDir, env: {} });
      expect(joined).toMatchObject({ source: "shared", databaseUrl: owner.databaseUrl });

      const client = new pg.Client({ connectionString: joined.databaseUrl });
      await client.connect();
      await client.query("CREATE TABLE IF NOT EXISTS kept (note text)");
      await client.query("INSERT INTO kept VALUES ('survives a restart')");
      await client.end();
    } finally {
      await owner.stop();
    }
    await expect(readFile(path.join(dataDir, "embedded.json"))).rejects.toThrow();

    // The files persist, and a claim left by a dead process does not block the next start.
    await writeFile(
      path.join(dataDir, "embedded.json"),
      JSON.stringify({ pid: 2 ** 22 + 1, port: 1, databaseUrl: "x" }),
    );
    const reopened = await resolveDatabaseUrl({ dataDir, env: {} });
    try {
      expect(reopened.source).toBe("owned");
      const client = new pg.Client({ connectionString: reopened.databaseUrl });
      await client.connect();
      const { rows } = await client.query("SELECT note FROM kept");
      await client.end();
      expect(rows).toEqual([{ note: "survives a restart" }]);
    } finally {
      await reopened.stop();
    }
  });

  it("uses DATABASE_URL when it is set", async () => {
    const resolved = await resolveDatabaseUrl({
      dataDir,
      env: { DATABASE_URL: "postgresql://db.internal/orbit" },
    });
    expect(resolved).toMatchObject({ source: "server", databaseUrl: "postgresql://db.internal/orbit" });
  });
});
