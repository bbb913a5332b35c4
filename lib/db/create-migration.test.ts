import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMigration } from "./create-migration";
import { prismaPaths } from "./prisma-paths";

// Works on a copy of prisma/, so the real history is never touched. Each call replays the history into an
// in-memory PGlite, which takes a few seconds.
describe("createMigration", () => {
  let dir: string;
  let paths: { migrationsDir: string; schemaPath: string };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "orbit-migration-"));
    paths = { migrationsDir: path.join(dir, "migrations"), schemaPath: path.join(dir, "schema.prisma") };
    await cp(prismaPaths.migrations, paths.migrationsDir, { recursive: true });
    await cp(prismaPaths.schema, paths.schemaPath);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("writes nothing while the schema matches the migrations (what db:check enforces)", async () => {
    expect(await createMigration({ name: "nothing", ...paths })).toEqual({ created: false });
  });

  it("writes the SQL for a schema change into a new, later migration", async () => {
    const schema = await readFile(paths.schemaPath, "utf8");
    await writeFile(
      paths.schemaPath,
      schema.replace(/model User \{\n/, "model User {\n  nickname String?\n"),
    );
    const before = await readdir(paths.migrationsDir);

    const result = await createMigration({ name: "add nickname", ...paths });

    if (!result.created) throw new Error("expected a migration");
    const name = path.basename(result.directory);
    expect(name).toMatch(/^\d{14}_add_nickname$/);
    expect(before.filter((entry) => /^\d{14}_/.test(entry)).every((entry) => entry < name)).toBe(true);
    expect(await readFile(path.join(result.directory, "migration.sql"), "utf8")).toContain(
      'ALTER TABLE "User" ADD COLUMN     "nickname" TEXT;',
    );
    expect(await createMigration({ name: "again", ...paths })).toEqual({ created: false });
  }, 60_000);
});
