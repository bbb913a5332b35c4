import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/boot/start-embedded-database";
import { migrateDatabase } from "@/lib/db/migrate-database";

/**
 * Runs once before any test file. Integration tests talk to DATABASE_URL when it is set (a database made for this
 * run with `createdb`); otherwise to an embedded PGlite in a temporary directory, served over TCP like in
 * production. Either way it is migrated first. Values set on process.env here reach the test workers, which vitest
 * forks afterwards with this environment.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(path.join(tmpdir(), "orbit-test-"));
  // Nothing a test starts may write into the developer's ./.orbit.
  process.env.ORBIT_DATA_DIR ||= path.join(scratch, "data");
  process.env.AUTH_SECRET ||= randomBytes(48).toString("base64url");
  process.env.ORBIT_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");

  let stopDatabase = async () => {};
  if (!process.env.DATABASE_URL) {
    const started = Date.now();
    const embedded = await startEmbeddedDatabase({ dataDir: path.join(scratch, "embedded") });
    stopDatabase = embedded.stop;
    process.env.DATABASE_URL = embedded.databaseUrl;
    console.log(`[test] embedded PGlite ready in ${Date.now() - started} ms (DATABASE_URL unset)`);
  } else {
    console.log(`[test] using DATABASE_URL (${new URL(process.env.DATABASE_URL).pathname.slice(1)})`);
  }
  try {
    await migrateDatabase({ databaseUrl: process.env.DATABASE_URL });
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  return async () => {
    await stopDatabase();
    await rm(scratch, { recursive: true, force: true });
  };
}
