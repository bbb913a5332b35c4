import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import type { RequestLogRow } from "@/lib/telemetry/create-request-log-writer";
import { insertRequestLogRows } from "@/lib/telemetry/insert-request-log-rows";

const prisma = getPrisma();
// Each test writes under its own tool name, so the rollups it reads are its own whatever else shares the database.
const tools: string[] = [];

function newTool(): string {
  const tool = `rollup-test-${randomUUID()}`;
  tools.push(tool);
  return tool;
}

function row(tool: string, overrides: Partial<RequestLogRow> = {}): RequestLogRow {
  return {
    id: randomUUID(),
    requestId: `req-${randomUUID()}`,
    source: "rest",
    serverSlug: "everything",
    tool,
    status: "succeeded",
    latencyMs: 3,
    createdAt: new Date("2026-03-01T10:15:20.000Z"),
    ...overrides,
  };
}

afterAll(async () => {
  await prisma.requestLog.deleteMany({ where: { tool: { in: tools } } });
  await prisma.requestRollup.deleteMany({ where: { tool: { in: tools } } });
});

async function rollup(tool: string, resolution: "minute" | "hour" | "day") {
  return prisma.requestRollup.findMany({ where: { tool, resolution }, orderBy: { bucket: "asc" } });
}

describe("insertRequestLogRows", () => {
  it("rolls the rows it writes up by minute, hour and day: counts, errors, latency, its histogram", async () => {
    const tool = newTool();
    await insertRequestLogRows([
      row(tool, { latencyMs: 3, cached: true }),
      row(tool, { latencyMs: 40 }),
      row(tool, { latencyMs: 40, status: "failed", errorCode: "upstream_timeout" }),
      row(tool, { latencyMs: 31_000, status: "tool_error" }),
      // Another minute of the same hour.
      row(tool, { latencyMs: 7, createdAt: new Date("2026-03-01T10:47:00.000Z") }),
    ]);

    const minutes = await rollup(tool, "minute");
    expect(minutes.map((m) => m.bucket.toISOString())).toEqual([
      "2026-03-01T10:15:00.000Z",
      "2026-03-01T10:47:00.000Z",
    ]);
    expect(minutes[0]).toMatchObject({
      source: "rest",
      serverSlug: "everything",
      serverId: "",
      integrationId: "",
      count: 4,
      errors: 2,
      cacheHits: 1,
      latencySumMs: 31_083n,
      latencyMaxMs: 31_000,
      // <5: one; 25–50: two; ≥30 s: one.
      latencyBuckets: [1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    const hours = await rollup(tool, "hour");
    expect(hours).toHaveLength(1);
    expect(hours[0]).toMatchObject({
      bucket: new Date("2026-03-01T10:00:00.000Z"),
      count: 5,
      errors: 2,
      latencySumMs: 31_090n,
      latencyBuckets: [1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    const days = await rollup(tool, "day");
    expect(days.map((d) => [d.bucket.toISOString(), d.count, d.cacheHits])).toEqual([
      ["2026-03-01T00:00:00.000Z", 5, 1],
    ]);
  });

  it("adds later batches to the same rollups, and counts a retried batch once", async () => {
    const tool = newTool();
    const first = [row(tool, { latencyMs: 120 }), row(tool, { latencyMs: 130, errorCode: "rate_limited" })];
    await insertRequestLogRows(first);
    // A retry after an ambiguous failure: the same ids again, plus one row that really is new.
    const retried = [...first, row(tool, { latencyMs: 600 })];
    await insertRequestLogRows(retried);
    await insertRequestLogRows(first);

    expect(await prisma.requestLog.count({ where: { tool } })).toBe(3);
    for (const resolution of ["minute", "hour", "day"] as const) {
      const [only, ...rest] = await rollup(tool, resolution);
      expect(rest).toEqual([]);
      expect(only).toMatchObject({
        count: 3,
        errors: 1,
        latencySumMs: 850n,
        latencyMaxMs: 600,
        latencyBuckets: [0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0],
      });
    }
  });

  it("keeps dimensions apart: another source or server is another rollup", async () => {
    const tool = newTool();
    await insertRequestLogRows([
      row(tool, { source: "gateway", serverId: "srv_a" }),
      row(tool, { source: "gateway", serverId: "srv_a" }),
      row(tool, { source: "webhook", integrationId: "int_1" }),
    ]);
    const minutes = await rollup(tool, "minute");
    const counts = minutes.map((m) => [m.source, m.serverId, m.integrationId, m.count]).sort();
    expect(counts).toEqual([
      ["gateway", "srv_a", "", 2],
      ["webhook", "", "int_1", 1],
    ]);
  });
});
