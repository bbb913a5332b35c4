import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";

export type ToolRefreshClaim = {
  serverId: string;
  slug: string;
  /** The first replica (by position) whose last check was healthy: the one to list tools from. */
  healthyUrl: string | null;
};

/**
 * Claims up to `limit` enabled servers whose tools were last refreshed at least `intervalMs` ago (or never), by
 * moving toolsRefreshedAt to now: the same one-winner-per-interval claim as claimDueHealthChecks.
 */
export async function claimDueToolRefreshes(options: {
  intervalMs: number;
  limit: number;
  serverIds?: string[];
}): Promise<ToolRefreshClaim[]> {
  if (options.serverIds?.length === 0) return [];
  const only = options.serverIds ? Prisma.sql`AND id IN (${Prisma.join(options.serverIds)})` : Prisma.empty;
  return getPrisma().$queryRaw<ToolRefreshClaim[]>`
    UPDATE "Server" AS s
    SET "toolsRefreshedAt" = timezone('UTC', now())
    WHERE s.id IN (
      SELECT id FROM "Server"
      WHERE enabled
        AND ("toolsRefreshedAt" IS NULL
          OR "toolsRefreshedAt" <= timezone('UTC', now()) - ${options.intervalMs}::int * interval '1 millisecond')
        ${only}
      ORDER BY "toolsRefreshedAt" ASC NULLS FIRST
      LIMIT ${options.limit}::int
      FOR UPDATE SKIP LOCKED)
    RETURNING s.id AS "serverId", s.slug,
      (SELECT e.url FROM "ServerEndpoint" e
       WHERE e."serverId" = s.id AND e."healthStatus" = 'healthy'
       ORDER BY e.position LIMIT 1) AS "healthyUrl"`;
}
