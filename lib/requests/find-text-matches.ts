import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { isIdText } from "./build-request-where";
import type { RequestFilters } from "./request-filters-schema";

/** The columns free text is a case-insensitive part of; each has an index that starts with it. */
const textColumns = ["tool", "serverSlug", "errorCode"] as const;
export type TextColumn = (typeof textColumns)[number];

/**
 * Per column, the distinct values in the log that contain the search text, or null where the column holds more
 * distinct values than MAX_DISTINCT (then the page matches that column with a plain `contains`).
 */
export type TextMatches = Record<TextColumn, string[] | null>;

// A gateway has tens to hundreds of tools, slugs and error codes; each value costs one index probe here, and
// 5,000 probes took 35–55 ms at 1M rows (PostgreSQL 15, two shared cores), so the bound keeps a page in budget.
const MAX_DISTINCT = 5_000;

/**
 * The values of tool, serverSlug and errorCode that contain the free text `q` (case-insensitive, literally: `%`
 * and `_` are characters), read from the distinct values of each column with a loose index scan: one probe of the
 * column's `(column, createdAt)` index per distinct value, whatever the log's size. The page then filters on
 * `column IN (…)`, which PostgreSQL drives from the same indexes, so a term that matches a few old rows, or none,
 * costs a few index reads instead of a walk over the whole log (a substring test cannot use a b-tree; README.md).
 */
export async function findTextMatches(filters: RequestFilters): Promise<TextMatches | null> {
  const q = filters.q;
  // No text, or an id: buildRequestWhere matches ids exactly and needs nothing from here.
  if (!q || isIdText(q)) return null;
  const entries = await Promise.all(
    textColumns.map(async (column) => [column, await findColumnMatches(column, q)] as const),
  );
  return Object.fromEntries(entries) as TextMatches;
}

async function findColumnMatches(column: TextColumn, q: string): Promise<string[] | null> {
  const col = Prisma.raw(`"${column}"`);
  // Each step finds the next value after the previous one through the index; `n` stops a column whose values are
  // many (ids written into it, say) from turning this into a walk of its own.
  const rows = await getPrisma().$queryRaw<{ value: string | null; n: number }[]>`
    WITH RECURSIVE v (value, n) AS (
      (SELECT ${col}, 1 FROM "RequestLog" WHERE ${col} IS NOT NULL ORDER BY ${col} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${col} FROM "RequestLog" WHERE ${col} > v.value ORDER BY ${col} LIMIT 1), v.n + 1
      FROM v WHERE v.value IS NOT NULL AND v.n <= ${MAX_DISTINCT}
    )
    SELECT value, n FROM v
    WHERE value IS NOT NULL AND (n > ${MAX_DISTINCT} OR strpos(lower(value), lower(${q}::text)) > 0)`;
  if (rows.some((row) => row.n > MAX_DISTINCT)) return null;
  return rows.map((row) => row.value as string);
}
