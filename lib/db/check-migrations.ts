import { diffMigrationsToSchema } from "./diff-migrations-to-schema";

/**
 * CI's guard that nobody changed prisma/schema.prisma without a migration (or hand-edited a migration away from the
 * schema). Returns false, after printing the missing SQL, when they disagree.
 */
export async function checkMigrations({
  migrationsDir,
  schemaPath,
  log = console.log,
}: {
  migrationsDir?: string;
  schemaPath?: string;
  log?: (line: string) => void;
} = {}): Promise<boolean> {
  const diff = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (diff.empty) {
    log("Migrations and schema agree.");
    return true;
  }
  log("prisma/schema.prisma has changes that no migration contains. Create one with");
  log("  npm run db:migration -- --name <what_changed>");
  log("The missing SQL:\n");
  log(diff.script.trim());
  return false;
}
