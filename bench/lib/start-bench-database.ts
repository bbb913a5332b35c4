import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type BenchDatabase = {
  /** null: no server given, so `npm start` runs its embedded database in the data dir. */
  url: string | null;
  label: string;
  drop(): Promise<void>;
};

/**
 * A fresh, empty database on the server named by `serverUrl` (created with `createdb`, dropped with `dropdb`), so a
 * run never reads or leaves rows in anyone's data. Without a server URL the app's embedded database is used.
 */
export async function startBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) return { url: null, label: "embedded PGlite", drop: async () => {} };
  const name = `orbit_bench_${Date.now()}_${process.pid}`;
  // createdb/dropdb take a connection string as the maintenance database; that carries host, port, user, password.
  const maintenance = withDatabase(serverUrl, "postgres");
  await run("createdb", [`--maintenance-db=${maintenance}`, name]);
  const url = withDatabase(serverUrl, name);
  const parsed = new URL(url);
  return {
    url,
    label: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}`,
    async drop() {
      await run("dropdb", [`--maintenance-db=${maintenance}`, "--if-exists", "--force", name]);
    },
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
