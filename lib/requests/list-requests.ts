import { z } from "zod";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { buildRequestWhere } from "./build-request-where";
import { findRequestRows, type RequestRow } from "./find-request-rows";
import { findTextMatches } from "./find-text-matches";
import { loadRequestNames } from "./load-request-names";
import { parseRequestFilters } from "./parse-request-filters";
import { decodeRequestCursor, encodeRequestCursor } from "./request-cursor";
import type { RequestFilters, RequestFiltersInput } from "./request-filters-schema";

export const REQUESTS_PER_PAGE = 50;

export type RequestListItem = RequestRow & { integrationName: string | null; apiKeyName: string | null };

const pagingSchema = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(200).default(REQUESTS_PER_PAGE),
});

/**
 * One page of the request history, newest first, keyset-paged on (createdAt, id): rows recorded while someone pages
 * never shift or repeat a row, and a page costs the same at row 50 as at row 5,000,000 (no OFFSET). Any signed-in
 * role may read it.
 */
export async function listRequests(options: {
  actor: Actor;
  filters: RequestFiltersInput | Record<string, unknown>;
  cursor?: string;
  limit?: number;
}): Promise<{ requests: RequestListItem[]; nextCursor: string | null; filters: RequestFilters }> {
  assertRole(options.actor, "viewer");
  const filters = parseRequestFilters(options.filters);
  const { cursor, limit } = pagingSchema.parse({ cursor: options.cursor || undefined, limit: options.limit });
  const decoded = cursor ? decodeRequestCursor(cursor) : null;
  const where = buildRequestWhere(filters, decoded, new Date(), await findTextMatches(filters));
  const rows = await findRequestRows(where, limit + 1);
  const page = rows.slice(0, limit);
  const names = await loadRequestNames(page);
  const last = page.at(-1);
  return {
    requests: page.map((row) => ({
      ...row,
      integrationName: row.integrationId ? (names.integrations.get(row.integrationId) ?? null) : null,
      apiKeyName: row.apiKeyId ? (names.apiKeys.get(row.apiKeyId) ?? null) : null,
    })),
    nextCursor: rows.length > limit && last ? encodeRequestCursor(last) : null,
    filters,
  };
}
