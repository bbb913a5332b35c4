import { getPrisma } from "@/lib/db/get-prisma";
import { pingRedis } from "@/lib/redis/get-redis";

export type CheckState = "ok" | "not_configured" | "error";
export type Readiness = {
  status: "ok" | "unavailable";
  checks: Record<"database" | "redis" | "worker", CheckState>;
};

const CHECK_TIMEOUT_MS = 2_000;

/** What /api/ready reports. The database is required; Redis only when configured; the worker joins later. */
export async function checkReadiness(): Promise<Readiness> {
  const [database, redis] = await Promise.all([
    withTimeout(getPrisma().$queryRaw`SELECT 1`.then(() => "ok" as const)),
    withTimeout(pingRedis().then((r) => (r === "ok" || r === "not_configured" ? r : ("error" as const)))),
  ]);
  // The worker reports a heartbeat once the worker issue lands; until then it is not part of readiness.
  const checks = { database, redis, worker: "not_configured" as const };
  const status = database === "ok" && redis !== "error" ? "ok" : "unavailable";
  return { status, checks };
}

async function withTimeout(check: Promise<CheckState>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => resolve("error"), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch(() => "error" as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
