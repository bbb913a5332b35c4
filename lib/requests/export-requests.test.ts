import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/requests/export/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";

// GET /api/v1/requests/export through its route handler, against real Postgres rows seeded under this run's tool
// prefix. The CSV is read back with an RFC 4180 parser written here, independently of the writer.

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const tool = (name: string) => `rx-${run}-${name}`;
const keyIds: string[] = [];
let adminKey: string;
let mcpKey: string;

const tricky = {
  request: 'say "hi", then\nleave',
  response: '{"text":"a,b","quote":"\\"","crlf":"x\r\ny"}',
  formula: '=HYPERLINK("http://evil.test","click")',
};
let failedIds: string[] = [];
let bulkIds: string[] = [];

beforeAll(async () => {
  const make = async (name: string, scopes: string[]) => {
    const key = await createApiKey({ actor: { kind: "cli" }, input: { name: `rx-${name}-${run}`, scopes } });
    keyIds.push(key.id);
    return key.key;
  };
  adminKey = await make("admin", ["admin"]);
  mcpKey = await make("mcp", ["mcp"]);

  const t0 = Date.now() - 3_600_000;
  const rows = [
    {
      status: "failed",
      requestBody: tricky.request,
      responseBody: tricky.response,
      errorCode: tricky.formula,
    },
    { status: "succeeded", requestBody: "{}", responseBody: "{}" },
    { status: "failed", requestBody: null, responseBody: null, errorCode: "upstream_timeout" },
  ].map((row, i) => ({
    id: randomUUID(),
    requestId: randomUUID(),
    source: "gateway",
    tool: tool("mix"),
    latencyMs: 10 + i,
    createdAt: new Date(t0 - i * 1000),
    ...row,
  }));
  await prisma.requestLog.createMany({ data: rows });
  failedIds = rows.filter((r) => r.status === "failed").map((r) => r.id);

  // More than two export pages (500 rows each), half of them in one shared millisecond.
  const bulk = Array.from({ length: 1203 }, (_, i) => ({
    id: randomUUID(),
    requestId: randomUUID(),
    source: "rest",
    status: "succeeded",
    tool: tool("bulk"),
    latencyMs: i,
    createdAt: new Date(t0 - (i % 2 === 0 ? 0 : i)),
  }));
  await prisma.requestLog.createMany({ data: bulk });
  bulkIds = bulk.map((r) => r.id);
});

afterAll(async () => {
  await prisma.requestLog.deleteMany({ where: { tool: { startsWith: `rx-${run}` } } });
  await prisma.apiKey.deleteMany({ where: { id: { in: keyIds } } });
});

function exportUrl(query: Record<string, string>): string {
  return `http://localhost/api/v1/requests/export?${new URLSearchParams(query)}`;
}

async function get(
  query: Record<string, string>,
  headers: Record<string, string> = { "x-api-key": adminKey },
) {
  return GET(new Request(exportUrl(query), { headers }));
}

/** RFC 4180: quoted fields may hold commas, CRLF and doubled quotes; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || record.length) throw new Error("the CSV does not end with CRLF");
  return records;
}

describe("GET /api/v1/requests/export", () => {
  it("streams the filtered rows as CSV, newest first, with commas, quotes and newlines intact", async () => {
    const response = await get({ format: "csv", tool: tool("mix"), status: "failed" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="orbit-requests-\d{8}T\d{4}Z\.csv"$/,
    );
    const [header, ...records] = parseCsv(await response.text());
    expect(header).toContain("requestBody");
    const rows = records.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]])));
    expect(rows.map((r) => r.id)).toEqual(failedIds);
    expect(rows.every((r) => r.status === "failed" && r.tool === tool("mix"))).toBe(true);
    expect(rows[0]).toMatchObject({
      requestBody: tricky.request,
      responseBody: tricky.response,
      source: "gateway",
      latencyMs: "10",
      cached: "false",
      // A spreadsheet must not run it: the formula is kept as text behind an apostrophe.
      errorCode: `'${tricky.formula}`,
    });
    expect(rows[1]).toMatchObject({ requestBody: "", errorCode: "upstream_timeout" });
  });

  it("streams JSON that parses, across several keyset pages, each row once", async () => {
    const response = await get({ format: "json", tool: tool("bulk") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/filename="orbit-requests-.*\.json"/);
    const rows = JSON.parse(await response.text()) as { id: string; createdAt: string; latencyMs: number }[];
    expect(rows).toHaveLength(bulkIds.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(bulkIds));
    const order = rows.map((r) => `${r.createdAt}|${r.id}`);
    expect(order).toEqual([...order].sort().reverse());

    const mixed = JSON.parse(
      await (await get({ format: "json", tool: tool("mix"), status: "failed" })).text(),
    );
    expect(mixed[0]).toMatchObject({
      requestBody: tricky.request,
      responseBody: tricky.response,
      cached: false,
    });
  });

  it("answers an empty set with a header line or an empty array", async () => {
    const csv = await (await get({ format: "csv", tool: tool("none") })).text();
    expect(parseCsv(csv)).toHaveLength(1);
    expect(JSON.parse(await (await get({ format: "json", tool: tool("none") })).text())).toEqual([]);
  });

  it("refuses callers without a session or an admin-scoped key, and bad queries, in the error envelope", async () => {
    const anonymous = await get({ format: "csv" }, {});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthenticated" } });

    const wrongKey = await get({ format: "csv" }, { authorization: `Bearer ${mcpKey}` });
    expect(wrongKey.status).toBe(403);
    expect(await wrongKey.json()).toMatchObject({ error: { code: "forbidden" } });

    const badKey = await get({ format: "csv" }, { authorization: "Bearer orbit_not-a-real-key" });
    expect(badKey.status).toBe(401);

    const badFormat = await get({ format: "xlsx" });
    expect(badFormat.status).toBe(422);
    const badFilter = await get({ format: "csv", range: "forever" });
    expect(badFilter.status).toBe(400);
    expect((await badFilter.json()).error.message).toContain("range");
  });
});
