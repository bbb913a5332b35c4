import path from "node:path";
import { embeddedInstanceFile } from "./embedded-instance-file";
import { isPortOpen } from "./is-port-open";
import { isProcessAlive } from "./is-process-alive";
import { EmbeddedDatabaseBusyError, startEmbeddedDatabase } from "./start-embedded-database";

export type ResolvedDatabase = {
  databaseUrl: string;
  /** "server": DATABASE_URL; "shared": another process's embedded database; "owned": started here. */
  source: "server" | "shared" | "owned";
  /** Stops the embedded database when this process started it; a no-op otherwise. */
  stop: () => Promise<void>;
};

// Covers another process's PGlite boot (a few seconds) plus generous slack on a slow machine.
const WAIT_FOR_STARTING_MS = 60_000;

/**
 * The database a short-lived process (the CLI, tests, `db:migrate`) should use: DATABASE_URL when set; otherwise the
 * embedded database a running launcher serves from `dataDir`; otherwise one started in this process.
 */
export async function resolveDatabaseUrl({
  dataDir,
  env = process.env,
}: {
  dataDir: string;
  env?: Record<string, string | undefined>;
}): Promise<ResolvedDatabase> {
  const noop = async () => {};
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL, source: "server", stop: noop };
  const dir = path.resolve(dataDir);
  const deadline = Date.now() + WAIT_FOR_STARTING_MS;
  for (;;) {
    const running = await embeddedInstanceFile.read(dir);
    if (running?.databaseUrl && running.port !== null) {
      if (isProcessAlive(running.pid) && (await isPortOpen(running.port))) {
        return { databaseUrl: running.databaseUrl, source: "shared", stop: noop };
      }
    }
    try {
      const started = await startEmbeddedDatabase({ dataDir: dir });
      return { databaseUrl: started.databaseUrl, source: "owned", stop: started.stop };
    } catch (error) {
      // Someone else holds the files and is still starting: wait for them to serve.
      if (!(error instanceof EmbeddedDatabaseBusyError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
