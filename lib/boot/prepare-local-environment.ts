import path from "node:path";
import { ensureLocalSecrets } from "./ensure-local-secrets";
import { resolveDatabaseUrl } from "./resolve-database-url";
import { startEmbeddedDatabase } from "./start-embedded-database";

export type LocalEnvironment = {
  /** "server": DATABASE_URL was set; "shared"/"owned": the embedded database of another process / of this one. */
  source: "server" | "shared" | "owned";
  dataDir: string;
  stop: () => Promise<void>;
};

// A CLI command that briefly opened the embedded database is given this long to finish before the launcher gives up.
const LAUNCHER_WAIT_MS = 15_000;

/**
 * Fills in what a local run needs before lib/env.ts parses the environment: with DATABASE_URL unset, the embedded
 * database (its URL goes into DATABASE_URL, so child processes inherit it) and the generated local secrets. With
 * DATABASE_URL set it changes nothing. `owner` (the launcher) always opens the database itself, since its web and
 * worker outlive any other process; everyone else joins a running one when there is one.
 */
export async function prepareLocalEnvironment({
  owner = false,
  env = process.env,
}: {
  owner?: boolean;
  env?: Record<string, string | undefined>;
} = {}): Promise<LocalEnvironment> {
  const dataDir = path.resolve(env.ORBIT_DATA_DIR || "./.orbit");
  if (env.DATABASE_URL) return { source: "server", dataDir, stop: async () => {} };
  const database = owner
    ? { ...(await startEmbeddedDatabase({ dataDir, waitMs: LAUNCHER_WAIT_MS })), source: "owned" as const }
    : await resolveDatabaseUrl({ dataDir, env });
  try {
    await ensureLocalSecrets({ dataDir, env });
  } catch (error) {
    await database.stop();
    throw error;
  }
  env.DATABASE_URL = database.databaseUrl;
  return { source: database.source, dataDir, stop: database.stop };
}
