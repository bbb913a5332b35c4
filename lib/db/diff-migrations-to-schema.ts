import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "@/lib/boot/serve-pglite";
import { describeEngineError } from "./describe-engine-error";
import { openSchemaEngine } from "./open-schema-engine";
import { prismaPaths } from "./prisma-paths";
import { readMigrations } from "./read-migrations";

/**
 * The SQL that would bring a database built from the migration history up to the Prisma schema; empty when they
 * agree. The engine replays the migrations into a shadow database and compares; ours is an in-memory PGlite, so
 * this needs no running server and never touches a real database.
 */
export async function diffMigrationsToSchema({
  migrationsDir = prismaPaths.migrations,
  schemaPath = prismaPaths.schema,
}: {
  migrationsDir?: string;
  schemaPath?: string;
} = {}): Promise<{ empty: boolean; script: string }> {
  const [migrationsList, content] = await Promise.all([
    readMigrations(migrationsDir),
    readFile(schemaPath, "utf8"),
  ]);
  const schemaFile = { path: path.basename(schemaPath), content };
  const scratch = await PGlite.create();
  const served = await servePglite({ db: scratch });
  try {
    // The scratch database is both the engine's connection (which a diff only uses to set up) and the shadow.
    const { engine, close } = await openSchemaEngine({
      databaseUrl: served.databaseUrl,
      shadowDatabaseUrl: served.databaseUrl,
      schema: schemaFile,
    });
    try {
      const result = await engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [schemaFile] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      // With exitCode set the engine answers 2 for a non-empty diff, as `prisma migrate diff --exit-code` does.
      return { empty: result.exitCode === 0, script: result.stdout ?? "" };
    } catch (error) {
      throw new Error(`Comparing migrations with the schema failed: ${describeEngineError(error)}`, {
        cause: error,
      });
    } finally {
      await close();
    }
  } finally {
    await served.stop();
    await scratch.close();
  }
}
