import { getPrisma } from "@/lib/db/get-prisma";
import { getEnv } from "@/lib/env";
import { pingRedis } from "@/lib/redis/get-redis";
import { checkWorkerHeartbeat } from "@/lib/worker/check-worker-heartbeat";

/** ok / not_configured / error for the stores; the worker is ok, stale (no recent beat) or none (none running). */
export type CheckState = StoreCheck | WorkerCheck;
type StoreCheck = "ok" | "not_configured" | "error";
type WorkerCheck = "ok" | "stale" | "none" | "error";
export type Readiness = {
  status: "ok" | "unavailable";
  checks: { database: StoreCheck; redis: StoreCheck; worker: WorkerCheck };
};

const CHECK_TIMEOUT_MS = 2_000;

/**
 * What /api/ready reports. The database is required; Redis only when configured. The worker's heartbeat is reported
 * but does not make this web instance unready: it still serves everything but running jobs, and taking web
 * instances out of a load balancer because a worker is down would only add an outage.
 */
export async function checkReadiness(): Promise<Readiness> {
  const [database, redis, worker] = await Promise.all([
    withTimeout(getPrisma().$queryRaw`SELECT 1`.then(() => "ok" as const)),
    withTimeout(pingRedis().then((r) => (r === "ok" || r === "not_configured" ? r : ("error" as const)))),
    withTimeout(checkWorkerHeartbeat(getEnv().ORBIT_WORKER_HEARTBEAT_SECONDS * 1000)),
  ]);
  const checks = { database, redis, worker };
  const status = database === "ok" && redis !== "error" ? "ok" : "unavailable";
  return { status, checks };
}

async function withTimeout<T extends CheckState>(check: Promise<T>): Promise<T | "error"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"error">((resolve) => {
    timer = setTimeout(() => resolve("error"), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch(() => "error" as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
