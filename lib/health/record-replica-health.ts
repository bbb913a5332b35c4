import { getPrisma } from "@/lib/db/get-prisma";
import type { ReplicaHealthResult } from "./check-replica-health";
import type { ReplicaHealthStatus } from "./classify-health-failure";

/**
 * Stores a check's verdict on its replica and says what the status was before, in one statement, so a change is
 * seen exactly once even when an operator's "Check now" and the worker write at the same moment. healthChangedAt
 * moves only when the status does. `touchCheckedAt: false` keeps the time the worker's claim wrote (the check's
 * start), which is what the next claim measures the interval from. Times are the database's, like the claim's. Null when the replica no longer exists.
 */
export async function recordReplicaHealth(options: {
  endpointId: string;
  result: ReplicaHealthResult;
  touchCheckedAt: boolean;
}): Promise<{ previousStatus: ReplicaHealthStatus } | null> {
  const { endpointId, result } = options;
  const rows = await getPrisma().$queryRaw<{ previous: ReplicaHealthStatus }[]>`
    UPDATE "ServerEndpoint" AS e
    SET "healthStatus" = ${result.status}::"ReplicaHealth",
        "healthLatencyMs" = ${result.latencyMs}::int,
        "healthError" = ${result.error},
        "healthCheckedAt" = CASE WHEN ${options.touchCheckedAt}::boolean THEN timezone('UTC', now()) ELSE e."healthCheckedAt" END,
        "healthChangedAt" = CASE WHEN before."healthStatus" = ${result.status}::"ReplicaHealth"
                                 THEN e."healthChangedAt" ELSE timezone('UTC', now()) END
    FROM (SELECT id, "healthStatus" FROM "ServerEndpoint" WHERE id = ${endpointId} FOR UPDATE) AS before
    WHERE e.id = before.id
    RETURNING before."healthStatus"::text AS previous`;
  return rows[0] ? { previousStatus: rows[0].previous } : null;
}
