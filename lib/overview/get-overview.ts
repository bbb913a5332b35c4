import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { type CheckState, checkReadiness } from "@/lib/health/check-readiness";
import { listReplicaHealth, type ReplicaHealthView } from "@/lib/health/list-replica-health";
import { OVERVIEW_RANGES, type OverviewRange } from "@/lib/overview/overview-ranges";
import { type BreakdownRow, queryOverviewBreakdowns } from "@/lib/overview/query-overview-breakdowns";
import { type OverviewPoint, queryOverviewSeries } from "@/lib/overview/query-overview-series";
import type { RequestStats } from "@/lib/overview/summarize-rollup-sums";
import type { CircuitBreaker } from "@/lib/resilience/circuit-breaker";

export type LabelledRow = BreakdownRow & { label: string };

export type ServerHealth = { id: string; name: string; slug: string; replicas: ReplicaHealthView[] };

export type Overview = {
  range: OverviewRange;
  /** The window shown: whole steps, the current (partial) one last. */
  fromMs: number;
  toMs: number;
  stepMs: number;
  generatedAt: number;
  totals: RequestStats;
  series: OverviewPoint[];
  bySource: LabelledRow[];
  byServer: LabelledRow[];
  byTool: LabelledRow[];
  byIntegration: LabelledRow[];
  servers: ServerHealth[];
  readiness: Record<"database" | "redis" | "worker", CheckState>;
};

const SOURCE_LABELS: Record<string, string> = {
  webhook: "Webhooks",
  gateway: "MCP gateway",
  rest: "REST API",
  chat: "Chat testing",
  job: "Jobs",
};

/**
 * Everything the overview page shows for one time range, read from the request rollups (never the raw log, so it
 * costs the same on a large history) plus the live health of every replica and the readiness checks.
 */
export async function getOverview(options: {
  actor: Actor;
  range: OverviewRange;
  /** The clock, for tests. */
  now?: number;
  breaker?: CircuitBreaker;
}): Promise<Overview> {
  assertRole(options.actor, "viewer");
  const { durationMs, stepMs, resolution } = OVERVIEW_RANGES[options.range];
  const now = options.now ?? Date.now();
  const toMs = Math.floor(now / stepMs) * stepMs + stepMs;
  const fromMs = toMs - durationMs;
  const prisma = getPrisma();
  const [series, breakdowns, health, servers, readiness] = await Promise.all([
    queryOverviewSeries({ resolution, fromMs, toMs, stepMs }),
    queryOverviewBreakdowns({ resolution, fromMs, toMs }),
    listReplicaHealth({ actor: options.actor, breaker: options.breaker }),
    prisma.server.findMany({ select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } }),
    checkReadiness(),
  ]);
  const integrationIds = breakdowns.byIntegration.map((row) => row.key);
  const integrations = await prisma.integration.findMany({
    where: { id: { in: integrationIds } },
    select: { id: true, name: true },
  });
  const serverNames = new Map(servers.map((s) => [s.slug, s.name]));
  const integrationNames = new Map(integrations.map((i) => [i.id, i.name]));
  const label = (rows: BreakdownRow[], name: (row: BreakdownRow) => string) =>
    rows.map((row) => ({ ...row, label: name(row) }));
  return {
    range: options.range,
    fromMs,
    toMs,
    stepMs,
    generatedAt: now,
    totals: breakdowns.totals,
    series,
    bySource: label(breakdowns.bySource, (row) => SOURCE_LABELS[row.key] ?? row.key),
    byServer: label(breakdowns.byServer, (row) =>
      row.key === "" ? "No server reached" : (serverNames.get(row.key) ?? row.key),
    ),
    byTool: label(breakdowns.byTool, (row) => (row.serverSlug ? `${row.serverSlug} · ${row.key}` : row.key)),
    byIntegration: label(
      breakdowns.byIntegration,
      (row) => integrationNames.get(row.key) ?? `Deleted integration ${row.key.slice(0, 8)}`,
    ),
    servers: servers.map((s) => ({ ...s, replicas: health.get(s.id) ?? [] })),
    readiness: readiness.checks,
  };
}
