import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { getOverview } from "@/lib/overview/get-overview";
import type { RequestLogRow } from "@/lib/telemetry/create-request-log-writer";
import { insertRequestLogRows } from "@/lib/telemetry/insert-request-log-rows";

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const viewer: Actor = { kind: "user", id: `viewer-${run}`, email: "viewer@example.com", role: "viewer" };
// Years away from the wall clock, so rows other test files record now never fall into these windows.
const NOW = Date.parse("2031-05-10T12:30:30.000Z");
const at = (time: string) => new Date(`2031-05-10T${time}.000Z`);
const server = `ov-${run}`;
let integrationId = "";

function rows(count: number, fields: Partial<RequestLogRow>): RequestLogRow[] {
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    requestId: `ov-${run}`,
    source: "gateway",
    serverSlug: server,
    tool: "echo",
    status: "succeeded",
    latencyMs: 20,
    createdAt: at("12:10:05"),
    ...fields,
  }));
}

beforeAll(async () => {
  const integration = await prisma.integration.create({
    data: { slug: `ov-${run}`, name: `Support inbox ${run}`, kind: "generic", secretsEncrypted: "unused" },
  });
  integrationId = integration.id;
  // Through the real write path, so the rollups are the ones production keeps.
  await insertRequestLogRows([
    ...rows(60, { latencyMs: 20 }),
    ...rows(20, { latencyMs: 20, cached: true }),
    ...rows(10, { latencyMs: 400, status: "failed", errorCode: "upstream_timeout" }),
    ...rows(10, { latencyMs: 2000 }),
    ...rows(15, { source: "webhook", integrationId, tool: "add", latencyMs: 60, createdAt: at("12:20:40") }),
    ...rows(5, {
      source: "webhook",
      integrationId,
      tool: "add",
      latencyMs: 60,
      status: "failed",
      createdAt: at("12:20:50"),
    }),
    // 90 minutes before "now": outside the last hour, inside the last 6 hours.
    ...rows(1, { latencyMs: 9, createdAt: at("11:00:00") }),
  ]);
});

afterAll(async () => {
  await prisma.requestLog.deleteMany({ where: { requestId: `ov-${run}` } });
  await prisma.requestRollup.deleteMany({ where: { serverSlug: server } });
  await prisma.integration.deleteMany({ where: { id: integrationId } });
});

describe("getOverview", () => {
  it("shows the last hour's volume, success rate, cache hit rate and percentiles", async () => {
    const overview = await getOverview({ actor: viewer, range: "1h", now: NOW });
    expect(overview.totals).toMatchObject({ count: 120, errors: 15, successRate: 105 / 120, cacheHits: 20 });
    expect(overview.totals.cacheHitRate).toBeCloseTo(20 / 120);
    // The exact p50 is 20 ms, p95 2000 ms: the estimates must land in the same histogram buckets.
    expect(overview.totals.p50Ms).toBeGreaterThanOrEqual(10);
    expect(overview.totals.p50Ms).toBeLessThan(25);
    expect(overview.totals.p95Ms).toBeGreaterThanOrEqual(1000);
    // Capped by the largest latency seen rather than the bucket's 2.5 s bound.
    expect(overview.totals.p99Ms).toBeLessThanOrEqual(2000);
    expect(overview.totals.avgMs).toBeCloseTo((80 * 20 + 10 * 400 + 10 * 2000 + 20 * 60) / 120);

    // One point a minute, the current minute last, zeros where nothing happened.
    expect(overview.series).toHaveLength(60);
    expect(overview.series.at(-1)!.t).toBe(Date.parse("2031-05-10T12:30:00.000Z"));
    const point = (time: string) => overview.series.find((p) => p.t === at(time).getTime());
    expect(point("12:10:00")).toMatchObject({ ok: 90, errors: 10 });
    expect(point("12:20:00")).toMatchObject({ ok: 15, errors: 5 });
    expect(point("12:15:00")).toMatchObject({ ok: 0, errors: 0, p95Ms: null });
    expect(overview.series.reduce((n, p) => n + p.ok + p.errors, 0)).toBe(120);
  });

  it("breaks traffic down by channel, server, tool and integration, with names a person knows", async () => {
    const overview = await getOverview({ actor: viewer, range: "1h", now: NOW });
    expect(overview.bySource.map((r) => [r.label, r.count, r.errors])).toEqual([
      ["MCP gateway", 100, 10],
      ["Webhooks", 20, 5],
    ]);
    expect(overview.byServer.map((r) => [r.label, r.count])).toEqual([[server, 120]]);
    expect(overview.byTool.map((r) => [r.label, r.count, r.successRate])).toEqual([
      [`${server} · echo`, 100, 0.9],
      [`${server} · add`, 20, 0.75],
    ]);
    // Gateway traffic came through no integration, so it is not listed as one.
    expect(overview.byIntegration.map((r) => [r.label, r.count])).toEqual([[`Support inbox ${run}`, 20]]);
    expect(overview.readiness.database).toBe("ok");
  });

  it("widens the window with the range, in coarser steps", async () => {
    const sixHours = await getOverview({ actor: viewer, range: "6h", now: NOW });
    expect(sixHours.totals.count).toBe(121);
    expect(sixHours.series).toHaveLength(72);
    expect(sixHours.series.find((p) => p.t === at("11:00:00").getTime())).toMatchObject({ ok: 1 });

    // Thirty days read the day rollups, one point a day.
    const month = await getOverview({ actor: viewer, range: "30d", now: NOW });
    expect(month.totals).toMatchObject({ count: 121, errors: 15 });
    expect(month.series).toHaveLength(30);
    expect(month.series.at(-1)).toMatchObject({
      t: Date.parse("2031-05-10T00:00:00.000Z"),
      ok: 106,
      errors: 15,
    });

    const day = await getOverview({ actor: viewer, range: "24h", now: NOW });
    expect(day.series.at(-1)).toMatchObject({ t: at("12:00:00").getTime(), ok: 105, errors: 15 });
    expect(day.series.find((p) => p.t === at("11:00:00").getTime())).toMatchObject({ ok: 1, errors: 0 });

    const empty = await getOverview({ actor: viewer, range: "24h", now: NOW + 2 * 86_400_000 });
    expect(empty.totals).toMatchObject({ count: 0, successRate: null, p95Ms: null });
    expect(empty.series).toHaveLength(24);
  });
});
