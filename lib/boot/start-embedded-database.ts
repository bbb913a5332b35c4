import { unlinkSync } from "node:fs";
import { mkdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type EmbeddedInstance, embeddedInstanceFile } from "./embedded-instance-file";
import { isPortOpen } from "./is-port-open";
import { isProcessAlive } from "./is-process-alive";
import { servePglite } from "./serve-pglite";

export type EmbeddedDatabase = { databaseUrl: string; port: number; stop: () => Promise<void> };

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Orbit process (pid ${pid}) is using the embedded database in ${dataDir}. ` +
        "Stop it first, or set DATABASE_URL to use a PostgreSQL server.",
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

// A claim without a port that is older than this was left by a process that died while starting.
const STARTING_CLAIM_MAX_AGE_MS = 120_000;
const openInThisProcess = new Set<string>();

/**
 * Opens the PGlite database in `${dataDir}/pgdata` and serves it on a free loopback port, recording
 * `${dataDir}/embedded.json` {pid, port, databaseUrl} until `stop()` so other processes (the CLI, a second
 * launcher) connect to it instead of opening the same files. Waits up to `waitMs` for another owner to let go.
 */
export async function startEmbeddedDatabase({
  dataDir,
  waitMs = 0,
}: {
  dataDir: string;
  waitMs?: number;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await claim(dir, waitMs);
  openInThisProcess.add(dir);
  const file = embeddedInstanceFile.path(dir);
  // If this process dies without stop(), leave no claim behind for a pid that may be reused.
  const onExit = () => releaseSync(file);
  process.once("exit", onExit);

  let db: PGlite | undefined;
  try {
    db = await PGlite.create({ dataDir: path.join(dir, "pgdata") });
    const served = await servePglite({ db });
    await writeClaim(file, { pid: process.pid, port: served.port, databaseUrl: served.databaseUrl });
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await served.stop();
        await db?.close();
        process.removeListener("exit", onExit);
        openInThisProcess.delete(dir);
        await unlink(file).catch(() => {});
      })();
      return stopping;
    };
    return { databaseUrl: served.databaseUrl, port: served.port, stop };
  } catch (error) {
    await db?.close().catch(() => {});
    process.removeListener("exit", onExit);
    openInThisProcess.delete(dir);
    await unlink(file).catch(() => {});
    throw error;
  }
}

async function claim(dir: string, waitMs: number): Promise<void> {
  const file = embeddedInstanceFile.path(dir);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await writeClaim(file, { pid: process.pid, port: null, databaseUrl: null }, "wx");
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await embeddedInstanceFile.read(dir);
    if (!holder || (await isStale(dir, holder))) {
      await unlink(file).catch(() => {});
      continue;
    }
    if (Date.now() >= deadline) throw new EmbeddedDatabaseBusyError(dir, holder.pid);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function isStale(dir: string, holder: EmbeddedInstance): Promise<boolean> {
  if (holder.pid === process.pid) return !openInThisProcess.has(dir);
  if (!isProcessAlive(holder.pid)) return true;
  // Pids get reused (containers restart with the same ones): a live pid only counts if it still serves.
  if (holder.port !== null) return !(await isPortOpen(holder.port));
  const claimed = await stat(embeddedInstanceFile.path(dir)).catch(() => null);
  return !claimed || Date.now() - claimed.mtimeMs > STARTING_CLAIM_MAX_AGE_MS;
}

function writeClaim(file: string, instance: EmbeddedInstance, flag = "w"): Promise<void> {
  return writeFile(file, `${JSON.stringify(instance)}\n`, { flag, mode: 0o600 });
}

function releaseSync(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}
