import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { setPriority } from "node:os";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { prismaPaths } from "@/lib/db/prisma-paths";
import { EnvError, parseEnv } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { formatBanner } from "./format-banner";
import { type LocalEnvironment, prepareLocalEnvironment } from "./prepare-local-environment";
import { spawnPrefixed } from "./spawn-prefixed";

type Mode = "production" | "development";

const STOP_TIMEOUT_MS = 10_000;
// Ctrl-C in a terminal signals the children directly too; give our own handler a moment to see it before a child's
// exit counts as a crash.
const CRASH_GRACE_MS = 300;
const READY_TIMEOUT_MS = 120_000;
// 10 of 19: below the web server and the database, not starved.
const WORKER_NICENESS = 10;

const log = (line: string) => console.log(`[orbit] ${line}`);

/**
 * `npm start` (production) and `npm run dev`: one foreground process that prepares everything — embedded database
 * and local secrets when DATABASE_URL is unset, environment check, migrations, a build when sources changed, the
 * first admin — then runs web and worker as children and stops them all together.
 */
export async function runOrbit({ mode }: { mode: Mode }): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const root = prismaPaths.root;
  const require = createRequire(import.meta.url);
  const nextBin = require.resolve("next/dist/bin/next");
  const tsxCli = require.resolve("tsx/cli");

  const children = new Set<ChildProcess>();
  let local: LocalEnvironment | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
    for (const child of running) child.kill("SIGTERM");
    const killer = setTimeout(() => {
      for (const child of running) child.kill("SIGKILL");
    }, STOP_TIMEOUT_MS);
    await Promise.all(running.map((child) => once(child, "exit")));
    clearTimeout(killer);
    await local
      ?.stop()
      .catch((error: unknown) => log(`stopping the embedded database failed: ${String(error)}`));
    process.exit(code);
  };
  const track = (name: string, child: ChildProcess, { critical }: { critical: boolean }) => {
    children.add(child);
    child.once("exit", (code, signal) => {
      if (!critical) return;
      setTimeout(() => {
        if (stopping) return;
        log(`${name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping Orbit`);
        void shutdown(1);
      }, CRASH_GRACE_MS);
    });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (!stopping) log(`${signal} received, stopping`);
      void shutdown(0);
    });
  }
  // The embedded database lives in this process: if it fails, children must not run on without it.
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (error: unknown) => {
      log(
        `internal error, stopping: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      void shutdown(1);
    });
  }

  try {
    const started = Date.now();
    local = await prepareLocalEnvironment({ owner: true });
    if (local.source === "owned")
      log(`embedded database ready in ${Date.now() - started} ms (${local.dataDir})`);
    const env = parseEnv(process.env);
    process.env.NEXTAUTH_URL ||= `http://localhost:${env.PORT}`;

    const migrateStarted = Date.now();
    const { applied } = await migrateDatabase({ databaseUrl: env.DATABASE_URL, log });
    log(`database migrated in ${Date.now() - migrateStarted} ms (${applied.length} new migration(s))`);

    if (mode === "production") {
      const build = await buildIfNeeded({ root, nextBin, log, track: (child) => children.add(child) });
      if (build.built) log(`built in ${Math.round(build.ms / 1000)} s`);
    }
    if (stopping) return;

    // Imported only now: these modules read the environment, which is complete from here on.
    const { ensureFirstAdmin } = await import("@/lib/users/ensure-first-admin");
    const { getPrisma } = await import("@/lib/db/get-prisma");
    const admin = await ensureFirstAdmin();
    await getPrisma().$disconnect();

    const host = env.ORBIT_HOST;
    const port = String(env.PORT);
    // Production runs Next behind our own HTTP server so the client address comes from the socket (serve-web.mjs);
    // development keeps `next dev` for hot reload.
    const webArgs =
      mode === "production"
        ? [
            "lib/boot/serve-web.mjs",
            "--dir",
            root,
            "--host",
            host,
            "--port",
            port,
            "--proxies",
            String(env.ORBIT_TRUSTED_PROXIES),
          ]
        : [nextBin, "dev", "-p", port, "-H", host];
    const web = spawnPrefixed({ name: "web", command: process.execPath, args: webArgs, cwd: root });
    track("web", web, { critical: true });
    const workerOn = env.ORBIT_WORKER === "on";
    if (workerOn) {
      const args =
        mode === "production"
          ? // In-process TypeScript loader rather than the tsx CLI: one process, so our SIGTERM reaches the worker.
            ["--import", "tsx", "lib/worker/main.ts"]
          : [tsxCli, "watch", "--clear-screen=false", "lib/worker/main.ts"];
      const worker = spawnPrefixed({ name: "worker", command: process.execPath, args, cwd: root });
      // Web and worker share this machine's CPUs. Acknowledging a webhook is what a platform waits on; working through
      // the inbox can wait a moment, so under load the worker yields (it still runs whenever a CPU is free).
      if (worker.pid) lowerPriority(worker.pid);
      track("worker", worker, { critical: true });
    }

    const url = `http://localhost:${port}`;
    const probeHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    const ready = await waitForHttp(
      `http://${probeHost.includes(":") ? `[${probeHost}]` : probeHost}:${port}/api/health`,
      () => stopping,
    );
    if (stopping) return;
    if (!ready)
      log(`the web app did not answer within ${READY_TIMEOUT_MS / 1000} s; it may still be starting`);
    const database =
      local.source === "server"
        ? { kind: "server" as const }
        : { kind: "embedded" as const, dataDir: local.dataDir };
    console.log(`\n${formatBanner({ url, database, worker: workerOn, admin, mode })}\n`);
  } catch (error) {
    if (stopping) return;
    console.error(
      error instanceof EnvError
        ? error.message
        : `[orbit] ${error instanceof Error ? error.message : String(error)}`,
    );
    await shutdown(1);
  }
}

async function waitForHttp(url: string, cancelled: () => boolean): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !cancelled()) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

function lowerPriority(pid: number): void {
  try {
    setPriority(pid, WORKER_NICENESS);
  } catch {
    // Not permitted in some containers; the worker then simply runs at normal priority.
  }
}
