import { z } from "zod";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { buildRequestWhere } from "./build-request-where";
import { findRequestRows, type RequestRowWithBodies } from "./find-request-rows";
import { findTextMatches, type TextMatches } from "./find-text-matches";
import { loadRequestNames, type RequestNames } from "./load-request-names";
import { parseRequestFilters } from "./parse-request-filters";
import type { RequestCursor } from "./request-cursor";
import { exportFormats, type RequestFiltersInput } from "./request-filters-schema";
import { type CsvCell, toCsvLine } from "./to-csv-line";

const formatSchema = z.enum(exportFormats, { error: "format must be csv or json" });

// Rows per database round trip. Each is read, written out and dropped before the next is asked for, so memory stays
// at one page (bodies included, at most ~4 MiB) whatever the export's size.
const EXPORT_PAGE_ROWS = 500;

const columns = [
  "id",
  "createdAt",
  "requestId",
  "source",
  "status",
  "errorCode",
  "latencyMs",
  "attempts",
  "cached",
  "integrationId",
  "integrationName",
  "deliveryId",
  "routeId",
  "serverId",
  "serverSlug",
  "tool",
  "apiKeyId",
  "apiKeyName",
  "requestBody",
  "responseBody",
] as const;

type ExportRow = Record<(typeof columns)[number], CsvCell>;

/**
 * The filtered request history as a CSV or JSON (one array) stream, newest first, read in keyset pages as the
 * client consumes it: a slow or departed client stops the reads (the stream is pulled, not pushed). Filters are
 * validated before the first byte, so a bad one is a 400 and never a half-written file.
 */
export function exportRequests(options: {
  actor: Actor;
  format: unknown;
  filters: RequestFiltersInput | Record<string, unknown>;
  pageRows?: number;
  now?: Date;
}): { body: ReadableStream<Uint8Array>; contentType: string; filename: string } {
  assertRole(options.actor, "viewer");
  const format = formatSchema.parse(options.format ?? "csv");
  const filters = parseRequestFilters(options.filters);
  const now = options.now ?? new Date();
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  const encoder = new TextEncoder();
  let cursor: RequestCursor | null = null;
  // Looked up once, on the first page: which tool, slug and error-code values the free text matches.
  let text: Promise<TextMatches | null> | undefined;
  let first = true;
  let done = false;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? toCsvLine([...columns]) : "["));
    },
    async pull(controller) {
      // `now` is fixed for the whole export, so "last hour" means the same hour on the last page as on the first.
      text ??= findTextMatches(filters);
      const where = buildRequestWhere(filters, cursor, now, await text);
      const rows = await findRequestRows(where, pageRows, true);
      const names = await loadRequestNames(rows);
      let chunk = "";
      for (const row of rows) {
        const record = toExportRow(row, names);
        if (format === "csv") chunk += toCsvLine(columns.map((column) => record[column]));
        // JSON keeps the per-step timings as an object; CSV's fixed columns have no place for a nested value.
        else chunk += `${first ? "\n" : ",\n"}${JSON.stringify({ ...record, timings: row.timings })}`;
        first = false;
      }
      const last = rows.at(-1);
      if (last) cursor = { createdAt: last.createdAt, id: last.id };
      if (rows.length < pageRows) {
        done = true;
        if (format === "json") chunk += first ? "]\n" : "\n]\n";
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (done) controller.close();
    },
  });
  const stamp = now.toISOString().replace(/[-:]/g, "").slice(0, 13);
  return {
    body,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    filename: `orbit-requests-${stamp}Z.${format}`,
  };
}

function toExportRow(row: RequestRowWithBodies, names: RequestNames): ExportRow {
  return {
    id: row.id,
    createdAt: row.createdAt,
    requestId: row.requestId,
    source: row.source,
    status: row.status,
    errorCode: row.errorCode,
    latencyMs: row.latencyMs,
    attempts: row.attempts,
    cached: row.cached,
    integrationId: row.integrationId,
    integrationName: row.integrationId ? (names.integrations.get(row.integrationId) ?? null) : null,
    deliveryId: row.deliveryId,
    routeId: row.routeId,
    serverId: row.serverId,
    serverSlug: row.serverSlug,
    tool: row.tool,
    apiKeyId: row.apiKeyId,
    apiKeyName: row.apiKeyId ? (names.apiKeys.get(row.apiKeyId) ?? null) : null,
    requestBody: row.requestBody,
    responseBody: row.responseBody,
  };
}
