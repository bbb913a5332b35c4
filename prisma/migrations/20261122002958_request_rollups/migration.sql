-- CreateTable
CREATE TABLE "RequestRollup" (
    "resolution" TEXT NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "serverId" TEXT NOT NULL DEFAULT '',
    "serverSlug" TEXT NOT NULL DEFAULT '',
    "tool" TEXT NOT NULL DEFAULT '',
    "integrationId" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "cacheHits" INTEGER NOT NULL DEFAULT 0,
    "latencySumMs" BIGINT NOT NULL DEFAULT 0,
    "latencyMaxMs" INTEGER NOT NULL DEFAULT 0,
    "latencyBuckets" INTEGER[],

    CONSTRAINT "RequestRollup_pkey" PRIMARY KEY ("resolution","bucket","source","serverId","serverSlug","tool","integrationId")
);

-- Backfill: roll up the request log recorded before this migration, exactly as lib/telemetry/build-rollup-upsert.ts
-- does for every batch written from now on.
INSERT INTO "RequestRollup" AS r ("resolution", "bucket", "source", "serverId", "serverSlug", "tool",
  "integrationId", "count", "errors", "cacheHits", "latencySumMs", "latencyMaxMs", "latencyBuckets")
SELECT g.resolution, date_trunc(g.resolution, "createdAt"), "source", coalesce("serverId", ''),
  coalesce("serverSlug", ''), coalesce("tool", ''), coalesce("integrationId", ''), count(*)::int,
  (count(*) FILTER (WHERE ("errorCode" IS NOT NULL OR "status" IN ('failed', 'tool_error', 'dead'))))::int,
  (count(*) FILTER (WHERE "cached"))::int, sum("latencyMs")::bigint, max("latencyMs"), ARRAY[(count(*) FILTER (WHERE "latencyBucket" = 0))::int, (count(*) FILTER (WHERE "latencyBucket" = 1))::int, (count(*) FILTER (WHERE "latencyBucket" = 2))::int, (count(*) FILTER (WHERE "latencyBucket" = 3))::int, (count(*) FILTER (WHERE "latencyBucket" = 4))::int, (count(*) FILTER (WHERE "latencyBucket" = 5))::int, (count(*) FILTER (WHERE "latencyBucket" = 6))::int, (count(*) FILTER (WHERE "latencyBucket" = 7))::int, (count(*) FILTER (WHERE "latencyBucket" = 8))::int, (count(*) FILTER (WHERE "latencyBucket" = 9))::int, (count(*) FILTER (WHERE "latencyBucket" = 10))::int, (count(*) FILTER (WHERE "latencyBucket" = 11))::int, (count(*) FILTER (WHERE "latencyBucket" = 12))::int]
FROM (SELECT *, width_bucket("latencyMs", ARRAY[5,10,25,50,100,250,500,1000,2500,5000,10000,30000]::int[]) AS "latencyBucket" FROM "RequestLog" AS f) AS l
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
  );
