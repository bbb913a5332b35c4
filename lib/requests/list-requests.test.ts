import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as restCall } from "@/app/api/v1/mcp/[server]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import type { AppError } from "@/lib/errors/app-error";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { buildRequestWhere } from "./build-request-where";
import { exportRequests } from "./export-requests";
import { findRequestRows } from "./find-request-rows";
import { getRequestOrThrow } from "./get-request-or-throw";
import { listRequests } from "./list-requests";
import { parseRequestFilters } from "./parse-request-filters";

// Real Postgres. Rows are seeded per run under a tool-name prefix of their own (so filters see only this file's rows)
// and removed at the end; one case goes through the REST facade to the reference MCP server, as a script would.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const tool = (name: string) => `rh-${run}-${name}`;
const viewer: Actor = { kind: "user", id: randomUUID(), email: "viewer@example.test", role: "viewer" };
const keyIds: string[] = [];
let integrationId: string;
let everything: EverythingServer;
const serverSlug = `rh-${run}`;

type Seed = Partial<Parameters<typeof prisma.requestLog.create>[0]["data"]> & {
  tool: string;
  createdAt: Date;
};

async function seed(rows: Seed[]): Promise<string[]> {
  const data = rows.map((row) => ({
    id: randomUUID(),
    requestId: randomUUID(),
    source: "gateway",
    status: "succeeded",
    latencyMs: 12,
    ...row,
  }));
  await prisma.requestLog.createMany({ data });
  return data.map((row) => row.id);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

beforeAll(async () => {
  const integration = await prisma.integration.create({
    data: { slug: `rh-${run}`, name: `History ${run}`, kind: "generic", secretsEncrypted: "unused" },
  });
  integrationId = integration.id;
});

afterAll(async () => {
  await flushRequestLog();
  await prisma.requestLog.deleteMany({
    where: { OR: [{ tool: { startsWith: `rh-${run}` } }, { apiKeyId: { in: keyIds } }] },
  });
  await prisma.apiKey.deleteMany({ where: { id: { in: keyIds } } });
  await prisma.integration.deleteMany({ where: { id: integrationId } });
  await prisma.server.deleteMany({ where: { slug: serverSlug } });
  await getToolCallDeps().pool.closeAll();
  await everything?.stop();
});

describe("listRequests", () => {
  it("pages newest first without losing or repeating rows that share a timestamp", async () => {
    const same = new Date("2026-01-02T03:04:05.678Z");
    // 7 rows in the same millisecond, between an older and a newer one: the id breaks the tie.
    const tied = await seed(Array.from({ length: 7 }, () => ({ tool: tool("page"), createdAt: same })));
    const [newer] = await seed([{ tool: tool("page"), createdAt: new Date(same.getTime() + 1) }]);
    const [older] = await seed([{ tool: tool("page"), createdAt: new Date(same.getTime() - 1) }]);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listRequests({ actor: viewer, filters: { tool: tool("page") }, cursor, limit: 3 });
      seen.push(...page.requests.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);

    const tiedDescending = [...tied].sort().reverse();
    expect(seen).toEqual([newer, ...tiedDescending, older]);
    expect(pages).toBe(3);
  });

  it("a row recorded while someone pages does not shift the next page", async () => {
    const base = Date.now() - 60_000;
    await seed(Array.from({ length: 4 }, (_, i) => ({ tool: tool("live"), createdAt: new Date(base + i) })));
    const first = await listRequests({ actor: viewer, filters: { tool: tool("live") }, limit: 2 });
    await seed([{ tool: tool("live"), createdAt: new Date() }]);
    const second = await listRequests({
      actor: viewer,
      filters: { tool: tool("live") },
      cursor: first.nextCursor!,
      limit: 2,
    });
    expect(second.requests.map((r) => r.createdAt.getTime())).toEqual([base + 1, base]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by status, source, integration, key, time and free text, and names integrations and keys", async () => {
    const key = await createApiKey({
      actor: { kind: "cli" },
      input: { name: `rh-key-${run}`, scopes: ["mcp"] },
    });
    keyIds.push(key.id);
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const [ok, failed, webhook, keyed, old] = await seed([
      { tool: tool("mix"), createdAt: at(1), status: "succeeded" },
      { tool: tool("mix"), createdAt: at(2), status: "failed", errorCode: `upstream_timeout_${run}` },
      { tool: tool("mix"), createdAt: at(3), source: "webhook", integrationId, deliveryId: randomUUID() },
      { tool: tool("mix"), createdAt: at(4), apiKeyId: key.id, serverSlug: `slug-${run}` },
      { tool: tool("mix"), createdAt: at(60 * 48), status: "failed" },
    ]);
    const ids = async (filters: Record<string, unknown>) =>
      (await listRequests({ actor: viewer, filters: { tool: tool("mix"), ...filters } })).requests.map(
        (r) => r.id,
      );

    expect(await ids({})).toEqual([ok, failed, webhook, keyed, old]);
    expect(await ids({ status: "failed" })).toEqual([failed, old]);
    expect(await ids({ source: "webhook" })).toEqual([webhook]);
    expect(await ids({ integration: integrationId })).toEqual([webhook]);
    expect(await ids({ key: key.id })).toEqual([keyed]);
    expect(await ids({ range: "24h" })).toEqual([ok, failed, webhook, keyed]);
    expect(await ids({ from: at(3.5).toISOString(), to: at(1.5).toISOString() })).toEqual([failed, webhook]);
    expect(await ids({ status: "failed", range: "24h" })).toEqual([failed]);
    // Free text: part of an error code or a server slug, any case; a UUID matches the request or delivery id.
    expect(await ids({ q: `TIMEOUT_${run}` })).toEqual([failed]);
    expect(await ids({ q: `slug-${run}` })).toEqual([keyed]);
    const webhookRow = await prisma.requestLog.findUniqueOrThrow({ where: { id: webhook } });
    expect(await ids({ q: webhookRow.requestId.toUpperCase() })).toEqual([webhook]);
    expect(await ids({ q: webhookRow.deliveryId! })).toEqual([webhook]);

    const page = await listRequests({ actor: viewer, filters: { tool: tool("mix"), key: key.id } });
    expect(page.requests[0]).toMatchObject({ apiKeyName: `rh-key-${run}`, integrationName: null });
    const hooked = await listRequests({ actor: viewer, filters: { tool: tool("mix"), source: "webhook" } });
    expect(hooked.requests[0]).toMatchObject({ integrationName: `History ${run}`, apiKeyName: null });
  });

  it("free text matches a part of a tool, slug or error code (any case, % and _ literal) or a request id, page by page and in exports", async () => {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const [byTool, bySlug, byCode, byRequestId, wildcardTwin, older] = await seed([
      { tool: tool("Ledger-Sync"), createdAt: at(1) },
      { tool: tool("other"), createdAt: at(2), serverSlug: `ledgers-${run}` },
      { tool: tool("other"), createdAt: at(3), status: "failed", errorCode: `ledger_50%_full_${run}` },
      { tool: tool("other"), createdAt: at(4), requestId: `ledger-call-${run}` },
      { tool: tool("other"), createdAt: at(5), status: "failed", errorCode: `ledger_50x_full_${run}` },
      // Weeks old, as a rare match deep in a large history is.
      { tool: tool("ledger-sync"), createdAt: at(60 * 24 * 20) },
    ]);
    const ids = async (q: string, more: Record<string, unknown> = {}) =>
      (await listRequests({ actor: viewer, filters: { q, ...more } })).requests.map((r) => r.id);

    expect(await ids(`${run}-LEDGER`)).toEqual([byTool, older]);
    expect(await ids(`LEDGERS-${run}`)).toEqual([bySlug]);
    expect(await ids(`50%_full_${run}`)).toEqual([byCode]);
    expect(await ids(`_full_${run}`)).toEqual([byCode, wildcardTwin]);
    // A request id is matched whole, not in part.
    expect(await ids(`ledger-call-${run}`)).toEqual([byRequestId]);
    expect(await ids(`ledger-call-${run}`.slice(0, -1))).toEqual([]);
    expect(await ids(`nothing-${run}`)).toEqual([]);
    expect(await ids(`_full_${run}`, { status: "failed", range: "1h" })).toEqual([byCode, wildcardTwin]);
    // Where a column has too many values to list, it falls back to ILIKE, with % and _ still literal.
    const everyColumnTooBig = { tool: null, serverSlug: null, errorCode: null };
    const filters = parseRequestFilters({ q: `50%_full_${run}` });
    const where = buildRequestWhere(filters, null, new Date(), everyColumnTooBig);
    expect((await findRequestRows(where, 10)).map((r) => r.id)).toEqual([byCode]);

    const first = await listRequests({ actor: viewer, filters: { q: `${run}-ledger` }, limit: 1 });
    expect(first.requests.map((r) => r.id)).toEqual([byTool]);
    const second = await listRequests({
      actor: viewer,
      filters: { q: `${run}-ledger` },
      cursor: first.nextCursor ?? "",
      limit: 1,
    });
    expect(second.requests.map((r) => r.id)).toEqual([older]);
    expect(second.nextCursor).toBeNull();

    const exported = exportRequests({ actor: viewer, format: "json", filters: { q: `_full_${run}` } });
    const rows = JSON.parse(await new Response(exported.body).text()) as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual([byCode, wildcardTwin]);
  });

  it("turns bad filters and forged cursors into 400s that name the problem", async () => {
    expect(
      await rejection(listRequests({ actor: viewer, filters: { source: "carrier-pigeon" } })),
    ).toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("source"),
    });
    expect(await rejection(listRequests({ actor: viewer, filters: { from: "yesterday" } }))).toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("from"),
    });
    expect(
      await rejection(
        listRequests({ actor: viewer, filters: {}, cursor: Buffer.from("[1]").toString("base64url") }),
      ),
    ).toMatchObject({ code: "bad_request" });
  });

  it("shows a real gateway call made through the REST facade with its key, server, tool and bodies", async () => {
    everything = await startEverythingServer();
    await registerTestServer({ slug: serverSlug, url: everything.url, fetchTools: true });
    const key = await createApiKey({
      actor: { kind: "cli" },
      input: { name: `rh-rest-${run}`, scopes: ["mcp"] },
    });
    keyIds.push(key.id);
    const message = `history ${randomUUID()}`;
    const response = await restCall(
      new Request(`http://localhost/api/v1/mcp/${serverSlug}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key.key}` },
        body: JSON.stringify({ method: "call_tool", params: { name: "echo", arguments: { message } } }),
      }),
      { params: Promise.resolve({ server: serverSlug }) },
    );
    expect(response.status).toBe(200);
    await flushRequestLog();

    const page = await listRequests({ actor: viewer, filters: { key: key.id, source: "rest" } });
    expect(page.requests).toHaveLength(1);
    expect(page.requests[0]).toMatchObject({
      requestId: response.headers.get("x-request-id"),
      status: "succeeded",
      serverSlug,
      tool: "echo",
      apiKeyName: `rh-rest-${run}`,
    });
    const detail = await getRequestOrThrow({ actor: viewer, id: page.requests[0]!.id });
    expect(JSON.parse(detail.requestBody!)).toMatchObject({
      params: { name: "echo", arguments: { message } },
    });
    expect(detail.responseBody).toContain(`Echo: ${message}`);
    expect(detail.serverName).toBe(`Test ${serverSlug}`);
    expect(detail.delivery).toBeNull();
  });
});

describe("getRequestOrThrow", () => {
  it("joins the delivery it came from and every attempt of that delivery", async () => {
    const delivery = await prisma.delivery.create({
      data: {
        integrationId,
        deliveryKey: `rh-${run}-1`,
        eventType: "issues",
        status: "succeeded",
        headers: {},
        body: "{}",
        bodyBytes: 2,
        requestId: randomUUID(),
        attempts: 2,
      },
    });
    const t0 = Date.now() - 10_000;
    const [first, second] = await seed([
      {
        tool: tool("attempt"),
        createdAt: new Date(t0),
        source: "webhook",
        status: "retrying",
        errorCode: "upstream_error",
        integrationId,
        deliveryId: delivery.id,
        latencyMs: 40,
      },
      {
        tool: tool("attempt"),
        createdAt: new Date(t0 + 5000),
        source: "webhook",
        integrationId,
        deliveryId: delivery.id,
        latencyMs: 15,
        cached: true,
      },
    ]);
    const detail = await getRequestOrThrow({ actor: viewer, id: second! });
    expect(detail.integrationName).toBe(`History ${run}`);
    expect(detail.delivery).toMatchObject({ id: delivery.id, status: "succeeded", attempts: 2 });
    expect(detail.deliveryAttempts.map((a) => [a.id, a.status, a.latencyMs])).toEqual([
      [first, "retrying", 40],
      [second, "succeeded", 15],
    ]);
    await prisma.delivery.delete({ where: { id: delivery.id } });
  });

  it("is not_found for an unknown or malformed id", async () => {
    for (const id of [randomUUID(), "not-a-request"]) {
      expect(await rejection(getRequestOrThrow({ actor: viewer, id }))).toMatchObject({ code: "not_found" });
    }
  });
});
