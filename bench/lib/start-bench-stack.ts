import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/test/find-free-port";
import { startBenchDatabase } from "./start-bench-database";
import { type OrbitApp, startOrbitApp } from "./start-orbit-app";

export const BENCH_ROOT = path.resolve(import.meta.dirname, "../..");

export type BenchStack = {
  app: OrbitApp;
  prisma: ReturnType<typeof import("@/lib/db/get-prisma").getPrisma>;
  everything: { url: string; pid: number };
  /** "PostgreSQL 127.0.0.1:5432, Redis" and the like, for headings. */
  label: string;
  postgres: boolean;
  redis: boolean;
  /** The command line that reproduces this run, for the benchmark sections. */
  command: string;
  /** Stops and removes everything the stack started, in reverse order. */
  stop(): Promise<void>;
};

/**
 * What every benchmark runs against, started once per `npm run bench`: a fresh database (created on
 * BENCH_DATABASE_URL's server, or the embedded one), `npm start` exactly as an operator runs it (production build,
 * web + worker), and server-everything. This process shares the app's secrets and database, so benchmarks seed
 * rows with the app's own functions; the environment is parsed once per process, hence one stack for all of them.
 */
export async function startBenchStack(): Promise<BenchStack> {
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
    const label = `${database.label}, ${redisUrl ? "Redis" : "in-process limits (no Redis)"}`;
    console.log(`[bench] ${label}; data dir ${dataDir}`);

    const env: Record<string, string> = {
      ORBIT_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(48).toString("base64url"),
      ORBIT_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      // Limits high enough that the benchmarks measure the work, not the limiter's refusals (it still counts).
      ORBIT_WEBHOOK_RATE_PER_MINUTE: "100000000",
      ORBIT_WEBHOOK_IP_RATE_PER_MINUTE: "100000000",
      ORBIT_GATEWAY_RATE_PER_MINUTE: "100000000",
      ORBIT_LOG_LEVEL: "warn",
      NODE_ENV: "production",
    };
    if (database.url) env.DATABASE_URL = database.url;
    if (redisUrl) env.REDIS_URL = redisUrl;
    delete process.env.DATABASE_URL;
    Object.assign(process.env, env);

    const { startEverythingServer } = await import("@/lib/test/start-everything-server");
    const everything = await startEverythingServer();
    cleanups.push(() => everything.stop());

    const port = await findFreePort();
    console.log(`[bench] npm start on port ${port} (builds first if the sources changed)`);
    const app = await startOrbitApp({
      root: BENCH_ROOT,
      port,
      env,
      logFile: path.join(dataDir, "orbit.log"),
      readyTimeoutMs: 15 * 60_000,
    });
    cleanups.push(() => app.stop());
    console.log(`[bench] app ready (pid ${app.pid})`);

    // Seeding goes straight to the database the app uses (embedded: the one its launcher serves).
    if (!database.url) {
      const { prepareLocalEnvironment } = await import("@/lib/boot/prepare-local-environment");
      await prepareLocalEnvironment();
    }
    const { getPrisma } = await import("@/lib/db/get-prisma");
    const prisma = getPrisma();
    cleanups.push(() => prisma.$disconnect());
    const command = [
      database.url ? "BENCH_DATABASE_URL=postgresql://…@127.0.0.1:5432/postgres" : "",
      redisUrl ? "REDIS_URL=redis://127.0.0.1:6379" : "",
      "npm run bench",
    ]
      .filter(Boolean)
      .join(" ");
    return {
      app,
      prisma,
      everything,
      label,
      postgres: Boolean(database.url),
      redis: Boolean(redisUrl),
      command,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
