import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import type { ReplicaHealthStatus } from "./classify-health-failure";

export type HealthCheckClaim = {
  endpointId: string;
  serverId: string;
  url: string;
  /** The status before this check, to tell a change from a repeat. */
  previousStatus: ReplicaHealthStatus;
};

/**
 * Claims up to `limit` replicas of enabled servers whose last check is at least `intervalMs` old (or that were never
 * checked), by moving their healthCheckedAt to now in one statement. The condition is evaluated again on a row another
 * worker just claimed (SKIP LOCKED skips rows being claimed right now), so however many workers poll, one wins each
 * replica per interval. Times are the database's, so workers' clocks need not agree.
 */
export async function claimDueHealthChecks(options: {
  intervalMs: number;
  limit: number;
  /** Only these servers' replicas (tests). */
  serverIds?: string[];
}): Promise<HealthCheckClaim[]> {
  if (options.serverIds?.length === 0) return [];
  const only = options.serverIds
    ? Prisma.sql`AND e."serverId" IN (${Prisma.join(options.serverIds)})`
    : Prisma.empty;
  const rows = await getPrisma().$queryRaw<
    { id: string; serverId: string; url: string; healthStatus: ReplicaHealthStatus }[]
  >`
    UPDATE "ServerEndpoint"
    SET "healthCheckedAt" = timezone('UTC', now())
    WHERE id IN (
      SELECT e.id FROM "ServerEndpoint" e JOIN "Server" s ON s.id = e."serverId"
      WHERE s.enabled
        AND (e."healthCheckedAt" IS NULL
          OR e."healthCheckedAt" <= timezone('UTC', now()) - ${options.intervalMs}::int * interval '1 millisecond')
        ${only}
      ORDER BY e."healthCheckedAt" ASC NULLS FIRST
      LIMIT ${options.limit}::int
      FOR UPDATE OF e SKIP LOCKED)
    RETURNING id, "serverId", url, "healthStatus"::text AS "healthStatus"`;
  return rows.map((row) => ({
    endpointId: row.id,
    serverId: row.serverId,
    url: row.url,
    previousStatus: row.healthStatus,
  }));
}
