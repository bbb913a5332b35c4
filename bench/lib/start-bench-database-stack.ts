import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startBenchDatabase } from "./start-bench-database";
import type { BenchStack } from "./start-bench-stack";

/** What a benchmark that measures server-side functions needs: a migrated database this process talks to. */
export type BenchDatabaseStack = Pick<
  BenchStack,
  "prisma" | "label" | "postgres" | "redis" | "command" | "stop"
>;

/**
 * A fresh, migrated database (on BENCH_DATABASE_URL's server, or embedded) without the app: for benchmarks that time
 * lib functions in this process (bench/ui.ts), so `npm run bench -- ui` costs no production build. When other
 * benchmarks run too, they share the full stack's database instead.
 */
export async function startBenchDatabaseStack(): Promise<BenchDatabaseStack> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), "orbit-bench-"));
  const cleanups: (() => Promise<unknown>)[] = [async () => rm(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of cleanups.reverse())
      await step().catch((error: unknown) => console.error(String(error)));
    cleanups.length = 0;
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    const database = await startBenchDatabase(serverUrl);
    cleanups.push(() => database.drop());
    let databaseUrl = database.url;
    if (!databaseUrl) {
      const { startEmbeddedDatabase } = await import("@/lib/boot/start-embedded-database");
      const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "embedded") });
      cleanups.push(() => embedded.stop());
      databaseUrl = embedded.databaseUrl;
    }
    // The environment is parsed once per process: set before anything imports lib/env.
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      ORBIT_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(48).toString("base64url"),
      ORBIT_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ORBIT_LOG_LEVEL: "warn",
    });
    const { migrateDatabase } = await import("@/lib/db/migrate-database");
    await migrateDatabase({ databaseUrl });
    const { getPrisma } = await import("@/lib/db/get-prisma");
    const prisma = getPrisma();
    cleanups.push(() => prisma.$disconnect());
    const label = `${database.label}, ${redisUrl ? "Redis" : "in-process limits (no Redis)"}`;
    console.log(`[bench] ${label}; no app (database-only benchmarks)`);
    const command = [
      database.url ? "BENCH_DATABASE_URL=postgresql://…@127.0.0.1:5432/postgres" : "",
      redisUrl ? "REDIS_URL=redis://127.0.0.1:6379" : "",
      "npm run bench -- ui",
    ]
      .filter(Boolean)
      .join(" ");
    return { prisma, label, postgres: Boolean(database.url), redis: Boolean(redisUrl), command, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
