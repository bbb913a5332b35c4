import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "@/lib/boot/resolve-database-url";
import { checkMigrations } from "./check-migrations";
import { createMigration } from "./create-migration";
import { migrateDatabase } from "./migrate-database";
import { prismaPaths } from "./prisma-paths";

// Entry for the db:* npm scripts: `tsx lib/db/run-db-command.ts migrate | migration --name X | check`.
const USAGE = `Usage: run-db-command <migrate | migration --name NAME | check>

  migrate     apply pending migrations to DATABASE_URL, or to the embedded database in ORBIT_DATA_DIR (./.orbit)
  migration   write prisma/migrations/<timestamp>_<NAME>/ from the changes in prisma/schema.prisma
  check       exit 1 when prisma/schema.prisma and prisma/migrations disagree (for CI)`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  switch (positionals[0]) {
    case "migrate": {
      const started = Date.now();
      const dataDir = path.resolve(process.env.ORBIT_DATA_DIR || "./.orbit");
      const database = await resolveDatabaseUrl({ dataDir });
      try {
        const { applied } = await migrateDatabase({ databaseUrl: database.databaseUrl, log: console.log });
        const where = database.source === "server" ? "DATABASE_URL" : `the embedded database in ${dataDir}`;
        const took = `${Date.now() - started} ms`;
        console.log(
          applied.length === 0
            ? `No pending migrations for ${where} (${took}).`
            : `Applied ${applied.length} migration(s) to ${where} (${took}).`,
        );
      } finally {
        await database.stop();
      }
      return 0;
    }
    case "migration": {
      if (!values.name) {
        console.error("Give the migration a name: npm run db:migration -- --name add_jobs");
        return 2;
      }
      const result = await createMigration({ name: values.name });
      console.log(
        result.created
          ? `Created ${path.relative(prismaPaths.root, result.directory)}/migration.sql — review it, then npm run db:migrate.`
          : "No changes: prisma/schema.prisma matches the migrations.",
      );
      return 0;
    }
    case "check":
      return (await checkMigrations()) ? 0 : 1;
    default:
      console.log(USAGE);
      return values.help ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
