import { migrateDatabase } from "@/lib/db/migrate-database";
const t = Date.now();
try {
  const r = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL!, migrationsDir: "/tmp/orbit-mig-test/migs" });
  console.log(process.pid, "applied", r.applied, Date.now() - t, "ms");
} catch (e) { console.log(process.pid, "ERROR", (e as Error).message); process.exitCode = 1; }
