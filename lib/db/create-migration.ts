import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema } from "./diff-migrations-to-schema";
import { prismaPaths } from "./prisma-paths";
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from "./read-migrations";

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` with the SQL that takes the existing history to the
 * current schema, or nothing when they already agree. Review the file before committing it: renames come out as a
 * drop plus an add, exactly as with `prisma migrate dev --create-only`.
 */
export async function createMigration({
  name,
  migrationsDir = prismaPaths.migrations,
  schemaPath = prismaPaths.schema,
  now = new Date(),
}: {
  name: string;
  migrationsDir?: string;
  schemaPath?: string;
  now?: Date;
}): Promise<{ created: false } | { created: true; directory: string }> {
  const slug = name
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug)
    throw new Error("A migration needs a name made of letters, digits or underscores (--name add_jobs)");
  const diff = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (diff.empty) return { created: false };

  await mkdir(migrationsDir, { recursive: true });
  const existing = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  const directory = path.join(
    migrationsDir,
    `${nextTimestamp(
      now,
      existing.map((e) => e.name),
    )}_${slug}`,
  );
  await mkdir(directory);
  await writeFile(path.join(directory, "migration.sql"), diff.script);
  // Same file `prisma migrate` writes; `wx` keeps an existing one untouched.
  await writeFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT, {
    flag: "wx",
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return { created: true, directory };
}

/** UTC `YYYYMMDDHHMMSS` like Prisma's, bumped past the newest existing one so history always sorts in order. */
function nextTimestamp(now: Date, existing: string[]): string {
  const format = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const latest = existing
    .map((name) => name.slice(0, 14))
    .filter((prefix) => /^\d{14}$/.test(prefix))
    .sort()
    .at(-1);
  if (!latest || format(now) > latest) return format(now);
  const [, y, mo, d, h, mi, s] = latest.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/) ?? [];
  return format(new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s! + 1)));
}
