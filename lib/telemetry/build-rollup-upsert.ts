import { Prisma } from "@/lib/db/generated/client";
import { LATENCY_BUCKETS_MS } from "@/lib/overview/latency-buckets";

// Constant SQL built once from constants (no input reaches it), so the statement text never changes.
const BOUNDS = `ARRAY[${LATENCY_BUCKETS_MS.join(",")}]::int[]`;
const HISTOGRAM = `ARRAY[${Array.from(
  { length: LATENCY_BUCKETS_MS.length + 1 },
  (_, i) => `(count(*) FILTER (WHERE "latencyBucket" = ${i}))::int`,
).join(", ")}]`;

/**
 * What counts as an error in the overview: any row with an error code, and the failed statuses that carry none.
 * "unrouted", "skipped" and the like are answers, not failures.
 */
const ROLLUP_ERROR_CONDITION = `("errorCode" IS NOT NULL OR "status" IN ('failed', 'tool_error', 'dead'))`;

/**
 * `INSERT INTO "RequestRollup" … ON CONFLICT DO UPDATE` adding the request-log rows of `from` (a relation with the
 * RequestLog columns: the table itself, or the RETURNING of an insert in a CTE) to their minute, hour and day rollups.
 * Rows are grouped first, so no rollup is touched twice by one statement, and sorted by key, so concurrent batches
 * lock the rollups they share in the same order instead of deadlocking.
 */
export function buildRollupUpsert(from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "RequestRollup" AS r ("resolution", "bucket", "source", "serverId", "serverSlug", "tool",
      "integrationId", "count", "errors", "cacheHits", "latencySumMs", "latencyMaxMs", "latencyBuckets")
    SELECT g.resolution, date_trunc(g.resolution, "createdAt"), "source", coalesce("serverId", ''),
      coalesce("serverSlug", ''), coalesce("tool", ''), coalesce("integrationId", ''), count(*)::int,
      (count(*) FILTER (WHERE ${Prisma.raw(ROLLUP_ERROR_CONDITION)}))::int,
      (count(*) FILTER (WHERE "cached"))::int, sum("latencyMs")::bigint, max("latencyMs"), ${Prisma.raw(HISTOGRAM)}
    FROM (SELECT *, width_bucket("latencyMs", ${Prisma.raw(BOUNDS)}) AS "latencyBucket" FROM ${from} AS f) AS l
      CROSS JOIN (VALUES ('minute'), ('hour'), ('day')) AS g(resolution)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ("resolution", "bucket", "source", "serverId", "serverSlug", "tool", "integrationId") DO UPDATE SET
      "count" = r."count" + excluded."count",
      "errors" = r."errors" + excluded."errors",
      "cacheHits" = r."cacheHits" + excluded."cacheHits",
      "latencySumMs" = r."latencySumMs" + excluded."latencySumMs",
      "latencyMaxMs" = greatest(r."latencyMaxMs", excluded."latencyMaxMs"),
      "latencyBuckets" = ARRAY(
        SELECT coalesce(a, 0) + coalesce(b, 0)
        FROM unnest(r."latencyBuckets", excluded."latencyBuckets") WITH ORDINALITY AS t(a, b, i)
        ORDER BY i
      )`;
}
