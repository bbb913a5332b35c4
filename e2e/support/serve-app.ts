/**
 * The web server Playwright starts: the production launcher (`npm start`) against a database nobody used before,
 * so every run begins at /setup.
 *
 * - `E2E_DATABASE_URL` set (CI creates one with `createdb`): that PostgreSQL database, with AUTH_SECRET and
 *   ORBIT_ENCRYPTION_KEY from the environment or generated for this run.
 * - otherwise embedded mode: PGlite and generated secrets in a new temporary ORBIT_DATA_DIR.
 *
 * Redis is left out on purpose: failed sign-ins are counted per client address, and every browser here is
 * 127.0.0.1, so a shared Redis would carry one run's (or another developer's parallel run's) counts into the next.
 * The in-process store is correct for one instance and starts empty. `E2E_REDIS_URL` opts back in.
 *
 * A wrapper rather than a bare `npm start` because the temporary directory has to be removed after the app stops,
 * and Playwright's global teardown runs before its web server is stopped.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./paths";

const STOP_GRACE_MS = 25_000;

// Loopback only, where baseURL (playwright.config.ts) expects it.
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ORBIT_HOST: "127.0.0.1" };
for (const name of [
  "DATABASE_URL",
  "REDIS_URL",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  // A seeded admin would skip /setup, which the setup project exercises.
  "ADMIN_EMAIL",
  "ADMIN_PASSWORD",
]) {
  delete env[name];
}

const dataDir = await mkdtemp(path.join(tmpdir(), "orbit-e2e-"));
env.ORBIT_DATA_DIR = dataDir;
if (process.env.E2E_REDIS_URL) env.REDIS_URL = process.env.E2E_REDIS_URL;
if (process.env.E2E_DATABASE_URL) {
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  env.AUTH_SECRET ||= randomBytes(48).toString("base64url");
  env.ORBIT_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
} else {
  // Embedded mode generates its own into the data directory; that path is part of what is tested.
  delete env.AUTH_SECRET;
  delete env.ORBIT_ENCRYPTION_KEY;
}

console.log(
  `[e2e] npm start on port ${env.PORT}: ${env.DATABASE_URL ? "PostgreSQL from E2E_DATABASE_URL" : "embedded PGlite"}, data in ${dataDir}`,
);
const app = spawn("npm", ["start"], { cwd: REPO_ROOT, env, stdio: "inherit" });

// Playwright stops its web server by signalling the whole process group, which reaches the launcher directly; this
// process only stays alive long enough to clean up after it. A signal sent to this process alone is passed on.
let stopping = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => app.kill(signal), 500).unref();
  setTimeout(() => app.kill("SIGKILL"), STOP_GRACE_MS).unref();
};
process.on("SIGTERM", onSignal);
process.on("SIGINT", onSignal);

app.on("exit", async (code, signal) => {
  await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  process.exit(code ?? (signal ? 1 : 0));
});
