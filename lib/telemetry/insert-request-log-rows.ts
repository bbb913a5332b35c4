import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { buildRollupUpsert } from "@/lib/telemetry/build-rollup-upsert";
import type { RequestLogRow } from "@/lib/telemetry/create-request-log-writer";

const ROLLUP_INSERTED = buildRollupUpsert(Prisma.raw("inserted"));

/**
 * Writes a batch of request-log rows in one statement whose text never changes with the batch size (one array per
 * column, unnest'ed). The query builder's createMany compiles a new plan for every batch shape, which costs more
 * CPU than the insert itself at gateway rates. Rows whose id already exists are skipped, so a batch retried after
 * an ambiguous failure does not double them.
 *
 * The same statement adds the rows to their per-minute rollups (the overview's source). It rolls up only what the
 * insert RETURNed, i.e. the rows actually written, so a retried batch is counted once, and the log and its rollups
 * commit or fail together.
 */
export async function insertRequestLogRows(rows: RequestLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof RequestLogRow>(key: K) => rows.map((row) => row[key] ?? null);
  // The column is a timestamp without time zone holding UTC (Prisma's convention); an ISO string without its "Z"
  // casts to exactly that, whatever the session's time zone.
  // JSON text per row; the cast parses it, so the statement stays one fixed text whatever the rows hold.
  const timings = rows.map((row) => (row.timings == null ? null : JSON.stringify(row.timings)));
  const createdAt = rows.map((row) => new Date(row.createdAt ?? Date.now()).toISOString().slice(0, -1));
  await getPrisma().$executeRaw`
    WITH inserted AS (
    INSERT INTO "RequestLog" ("id", "requestId", "source", "integrationId", "deliveryId", "routeId", "serverId",
      "serverSlug", "tool", "apiKeyId", "status", "errorCode", "latencyMs", "attempts", "cached", "requestBody",
      "responseBody", "timings", "createdAt")
    SELECT * FROM unnest(
      ${column("id")}::text[], ${column("requestId")}::text[], ${column("source")}::text[],
      ${column("integrationId")}::text[], ${column("deliveryId")}::text[], ${column("routeId")}::text[],
      ${column("serverId")}::text[], ${column("serverSlug")}::text[], ${column("tool")}::text[],
      ${column("apiKeyId")}::text[], ${column("status")}::text[], ${column("errorCode")}::text[],
      ${column("latencyMs")}::int[], ${rows.map((row) => row.attempts ?? 0)}::int[],
      ${rows.map((row) => row.cached ?? false)}::boolean[], ${column("requestBody")}::text[],
      ${column("responseBody")}::text[], ${timings}::jsonb[], ${createdAt}::timestamp(3)[]
    )
    ON CONFLICT ("id") DO NOTHING
    RETURNING "source", "serverId", "serverSlug", "tool", "integrationId", "status", "errorCode", "latencyMs",
      "cached", "createdAt"
    )
    ${ROLLUP_INSERTED}`;
}
