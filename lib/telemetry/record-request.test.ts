import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { createRequestLogWriter, type RequestLogRow } from "@/lib/telemetry/create-request-log-writer";
import { flushRequestLog, recordRequest } from "@/lib/telemetry/record-request";

const prisma = getPrisma();
const requestIds: string[] = [];

function newRequestId(): string {
  const id = `test-${randomUUID()}`;
  requestIds.push(id);
  return id;
}

function row(requestId: string, status = "succeeded"): RequestLogRow {
  return { id: randomUUID(), requestId, source: "webhook", status, latencyMs: 3 };
}

afterAll(async () => {
  await flushRequestLog();
  await prisma.requestLog.deleteMany({ where: { requestId: { in: requestIds } } });
});

describe("recordRequest", () => {
  it("queues rows, and flushRequestLog writes them redacted and truncated", async () => {
    const requestId = newRequestId();
    recordRequest({
      requestId,
      source: "webhook",
      integrationId: "int_1",
      deliveryId: "del_1",
      routeId: "route_1",
      serverSlug: "everything",
      tool: "echo",
      status: "succeeded",
      latencyMs: 12.6,
      attempts: 2,
      cached: true,
      requestBody: {
        headers: { Authorization: "Bearer abc.def.ghi", "x-hub-signature-256": "sha256=ff" },
        config: { nested: { api_key: "k-123", clientSecret: "s3cr3t", safe: "visible" } },
        note: "forwarded with Bearer tok_live_999 by a proxy",
        filler: "x".repeat(10_000),
      },
      responseBody: JSON.stringify({ content: [{ type: "text", text: "done" }], sessionToken: "t0k" }),
    });
    recordRequest({
      requestId,
      source: "webhook",
      status: "failed",
      errorCode: "upstream_timeout",
      latencyMs: 5,
    });

    // Whether the 250 ms timer has written them yet depends on the machine's load; the flush settles it either way.
    await flushRequestLog();
    const rows = await prisma.requestLog.findMany({ where: { requestId }, orderBy: { status: "desc" } });
    expect(rows).toHaveLength(2);
    const [ok, failed] = rows;
    expect(ok).toMatchObject({
      source: "webhook",
      integrationId: "int_1",
      deliveryId: "del_1",
      routeId: "route_1",
      serverSlug: "everything",
      tool: "echo",
      latencyMs: 13,
      attempts: 2,
      cached: true,
    });
    const body = ok!.requestBody!;
    expect(body).not.toContain("abc.def.ghi");
    expect(body).not.toContain("sha256=ff");
    expect(body).not.toContain("k-123");
    expect(body).not.toContain("s3cr3t");
    expect(body).not.toContain("tok_live_999");
    expect(body).toContain('"Authorization":"[redacted]"');
    expect(body).toContain('"safe":"visible"');
    expect(body).toContain("Bearer [redacted] by a proxy");
    expect(body).toMatch(/…\(truncated \d+ bytes\)$/);
    expect(Buffer.byteLength(body.replace(/…\(truncated \d+ bytes\)$/, ""))).toBeLessThanOrEqual(4096);
    expect(ok!.responseBody).toBe('{"content":[{"type":"text","text":"done"}],"sessionToken":"[redacted]"}');
    expect(failed).toMatchObject({
      status: "failed",
      errorCode: "upstream_timeout",
      attempts: 0,
      cached: false,
    });
    expect(failed!.requestBody).toBeNull();
  });

  it("never throws, even for an entry that cannot be serialized", () => {
    const requestId = newRequestId();
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(() =>
      recordRequest({ requestId, source: "job", status: "ok", latencyMs: Number.NaN, requestBody: circular }),
    ).not.toThrow();
    expect(() => recordRequest(undefined as never)).not.toThrow();
  });
});

describe("createRequestLogWriter", () => {
  it("keeps the rows of a failed write and writes them on the next flush", async () => {
    const requestId = newRequestId();
    let failNext = true;
    const warnings: string[] = [];
    const writer = createRequestLogWriter({
      write: async (rows) => {
        if (failNext) {
          failNext = false;
          throw new Error("connection refused");
        }
        return prisma.requestLog.createMany({ data: rows, skipDuplicates: true });
      },
      intervalMs: 60_000,
      warn: (message) => warnings.push(message),
    });
    for (let i = 0; i < 3; i++) writer.enqueue(row(requestId));

    await writer.flush();
    expect(writer.queued).toBe(3);
    expect(await prisma.requestLog.count({ where: { requestId } })).toBe(0);
    expect(warnings.join("\n")).toContain("connection refused");

    await writer.flush();
    expect(writer.queued).toBe(0);
    expect(await prisma.requestLog.count({ where: { requestId } })).toBe(3);
  });

  it("keeps rows in memory until the timer, a full batch or a flush: the caller never waits on the database", async () => {
    const batches: number[] = [];
    const writer = createRequestLogWriter({
      write: async (rows) => {
        batches.push(rows.length);
      },
      batchSize: 4,
      intervalMs: 60_000,
    });
    writer.enqueue(row("lazy"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches).toEqual([]);
    await writer.flush();
    expect(batches).toEqual([1]);
  });

  it("writes in batches and flushes by itself once a batch is full", async () => {
    const batches: number[] = [];
    const writer = createRequestLogWriter({
      write: async (rows) => {
        batches.push(rows.length);
      },
      batchSize: 4,
      intervalMs: 60_000,
    });
    for (let i = 0; i < 4; i++) writer.enqueue(row("batch"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toEqual([4]);
    for (let i = 0; i < 6; i++) writer.enqueue(row("batch"));
    await writer.flush();
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(10);
    expect(Math.max(...batches)).toBe(4);
  });

  it("drops the oldest rows beyond the bound with one warning that counts them", async () => {
    let healthy = false;
    const written: RequestLogRow[] = [];
    const warnings: string[] = [];
    const writer = createRequestLogWriter({
      write: async (rows) => {
        if (!healthy) throw new Error("database down");
        written.push(...rows);
      },
      maxQueued: 5,
      intervalMs: 60_000,
      warn: (message) => warnings.push(message),
    });
    for (let i = 0; i < 12; i++) writer.enqueue(row("bounded", `s${i}`));
    await writer.flush();
    expect(writer.queued).toBe(5);
    healthy = true;
    await writer.flush();
    expect(written.map((entry) => entry.status)).toEqual(["s7", "s8", "s9", "s10", "s11"]);
    const dropWarnings = warnings.filter((message) => message.includes("dropped"));
    expect(dropWarnings).toHaveLength(1);
    expect(dropWarnings[0]).toContain("dropped the 7 oldest rows");
  });
});
