import { getPrisma } from "@/lib/db/get-prisma";
import type { RollupResolution } from "@/lib/overview/overview-ranges";
import { ROLLUP_SUMS_SQL, type RollupSums } from "@/lib/overview/rollup-sums-sql";
import { type RequestStats, summarizeRollupSums } from "@/lib/overview/summarize-rollup-sums";
import { toUtcTimestamp } from "@/lib/overview/to-utc-timestamp";

export type BreakdownRow = RequestStats & {
  /** The dimension's value ('' when the requests had none, e.g. no server was reached). */
  key: string;
  /** For tools: the server the tool belongs to (tool names repeat across servers). */
  serverSlug?: string;
};

export type OverviewBreakdowns = {
  totals: RequestStats;
  bySource: BreakdownRow[];
  byServer: BreakdownRow[];
  byTool: BreakdownRow[];
  byIntegration: BreakdownRow[];
};

// GROUPING() of ("source", "serverSlug", "tool", "integrationId") for each grouping set: a bit is set for every
// column the set leaves out.
const SET = { source: 0b0111, server: 0b1011, tool: 0b1001, integration: 0b1110, total: 0b1111 } as const;

type Row = RollupSums & {
  set: number;
  source: string;
  serverSlug: string;
  tool: string;
  integrationId: string;
};

/**
 * Totals and the breakdowns by source (channel), server, tool and integration over one window, in one pass over the
 * rollups (GROUPING SETS), each breakdown sorted by volume and cut to `limit` rows.
 */
export async function queryOverviewBreakdowns(options: {
  resolution: RollupResolution;
  fromMs: number;
  toMs: number;
  limit?: number;
}): Promise<OverviewBreakdowns> {
  const limit = options.limit ?? 10;
  const rows = await getPrisma().$queryRaw<Row[]>`
    SELECT GROUPING("source", "serverSlug", "tool", "integrationId")::int AS "set",
      "source", "serverSlug", "tool", "integrationId", ${ROLLUP_SUMS_SQL}
    FROM "RequestRollup"
    WHERE "resolution" = ${options.resolution} AND "bucket" >= ${toUtcTimestamp(options.fromMs)}::timestamp
      AND "bucket" < ${toUtcTimestamp(options.toMs)}::timestamp
    GROUP BY GROUPING SETS (("source"), ("serverSlug"), ("serverSlug", "tool"), ("integrationId"), ())`;
  const pick = (set: number, key: (row: Row) => string, keep: (row: Row) => boolean = () => true) =>
    rows
      .filter((row) => row.set === set && keep(row))
      .map(
        (row): BreakdownRow => ({
          key: key(row),
          ...(set === SET.tool ? { serverSlug: row.serverSlug } : {}),
          ...summarizeRollupSums(row),
        }),
      )
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, limit);
  const total = rows.find((row) => row.set === SET.total);
  return {
    totals: summarizeRollupSums(
      total ?? { count: 0, errors: 0, cacheHits: 0, latencySumMs: 0, latencyMaxMs: 0, histogram: [] },
    ),
    bySource: pick(SET.source, (row) => row.source),
    byServer: pick(SET.server, (row) => row.serverSlug),
    byTool: pick(
      SET.tool,
      (row) => row.tool,
      (row) => row.tool !== "",
    ),
    // Requests that did not come through an integration (MCP clients, REST) are not an integration's traffic.
    byIntegration: pick(
      SET.integration,
      (row) => row.integrationId,
      (row) => row.integrationId !== "",
    ),
  };
}
