import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/boot/start-embedded-database";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { decideContainerTests } from "@/lib/test/decide-container-tests";
import { dropTestQueueSchemas } from "@/lib/test/test-queue-schemas";

/**
 * Runs once before any test file. Integration tests talk to DATABASE_URL when it is set (a database made for this
 * run with `createdb`); otherwise to an embedded PGlite in a temporary directory, served over TCP like in
 * production. Either way it is migrated first. Values set on process.env here reach the test workers, which vitest
 * forks afterwards with this environment.
 *
 * The test Redis is decided here too, once: REDIS_URL when set; otherwise a local Redis on 127.0.0.1:6379 if it
 * answers PING quickly (skip the probe with ORBIT_TEST_REDIS=off). Workers get it as ORBIT_TEST_REDIS_URL (unset
 * when there is none), and Redis-backed suites are only registered when it is set.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(path.join(tmpdir(), "orbit-test-"));
  // Nothing a test starts may write into the developer's ./.orbit.
  process.env.ORBIT_DATA_DIR ||= path.join(scratch, "data");
  process.env.AUTH_SECRET ||= randomBytes(48).toString("base64url");
  process.env.ORBIT_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
  // A per-IP webhook limit low enough that the test proving the limit can reach it in a few hundred requests.
  process.env.ORBIT_WEBHOOK_IP_RATE_PER_MINUTE ||= "120";

  decideContainerTests((line) => console.log(line));
  const redisUrl = await chooseTestRedis();
  if (redisUrl) {
    process.env.ORBIT_TEST_REDIS_URL = redisUrl;
    console.log(`[test] Redis: ${withoutPassword(redisUrl)}`);
  } else {
    delete process.env.ORBIT_TEST_REDIS_URL;
    console.log(
      "[test] no Redis reachable: Redis-backed suites are not registered; in-process fallbacks are tested",
    );
  }

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
    const dropped = await dropTestQueueSchemas(process.env.DATABASE_URL as string).catch((error: unknown) => {
      console.log(`[test] queue schemas not dropped: ${String(error)}`);
      return 0;
    });
    if (dropped > 0) console.log(`[test] dropped ${dropped} test queue schemas`);
    await stopDatabase();
    await rm(scratch, { recursive: true, force: true });
  };
}

const LOCAL_REDIS = { host: "127.0.0.1", port: 6379 };
const PROBE_TIMEOUT_MS = 500;

async function chooseTestRedis(): Promise<string | null> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (process.env.ORBIT_TEST_REDIS === "off") return null;
  return (await answersPing(LOCAL_REDIS.host, LOCAL_REDIS.port))
    ? `redis://${LOCAL_REDIS.host}:${LOCAL_REDIS.port}`
    : null;
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

/** True when a Redis at host:port accepts a connection and replies +PONG to PING within PROBE_TIMEOUT_MS. */
function answersPing(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = "";
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), PROBE_TIMEOUT_MS);
    socket.on("connect", () => socket.write("*1\r\n$4\r\nPING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("latin1");
      if (reply.includes("\r\n")) finish(reply.startsWith("+PONG"));
    });
    socket.on("error", () => finish(false));
    socket.on("close", () => finish(false));
  });
}
