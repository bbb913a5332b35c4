import pg from "pg";
import { describeEngineError } from "./describe-engine-error";
import { openSchemaEngine } from "./open-schema-engine";
import { prismaPaths } from "./prisma-paths";
import { readMigrations } from "./read-migrations";

// An arbitrary constant, distinct from the 72707369 Prisma's engine locks on.
const MIGRATION_LOCK_KEY = "7958817046";

/**
 * Applies every pending migration in `prisma/migrations`, like `prisma migrate deploy`: same SQL files, same
 * `_prisma_migrations` bookkeeping, so either tool can take over. Idempotent, and safe when several instances boot
 * at once: they queue on an advisory lock and the later ones find nothing left to apply.
 */
export async function migrateDatabase({
  databaseUrl,
  migrationsDir = prismaPaths.migrations,
  log = () => {},
}: {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
}): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrations(migrationsDir);
  // The engine takes Prisma's own advisory lock too, but gives up after 10 s; ours waits as long as a slow
  // migration in another instance takes.
  const lock = new pg.Client({ connectionString: databaseUrl });
  lock.on("error", () => {});
  let engine: Awaited<ReturnType<typeof openSchemaEngine>> | undefined;
  try {
    await lock.connect();
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    engine = await openSchemaEngine({ databaseUrl });
    const { appliedMigrationNames } = await engine.engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    for (const name of appliedMigrationNames) log(`applied migration ${name}`);
    return { applied: appliedMigrationNames };
  } catch (error) {
    throw new Error(`Migrating the database failed: ${describeEngineError(error)}`, { cause: error });
  } finally {
    await engine?.close();
    // Closing the session releases the lock.
    await lock.end().catch(() => {});
  }
}
