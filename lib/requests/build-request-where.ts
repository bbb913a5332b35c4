import type { Prisma } from "@/lib/db/generated/client";
import type { RequestCursor } from "./request-cursor";
import { type RequestFilters, requestRanges } from "./request-filters-schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The WHERE of one history page. Every condition is a plain column test so PostgreSQL can drive the scan from an
 * index ending in createdAt (see lib/requests/README.md for which filter uses which) and stop after one page.
 */
export function buildRequestWhere(
  filters: RequestFilters,
  cursor: RequestCursor | null,
  now: Date = new Date(),
): Prisma.RequestLogWhereInput {
  const and: Prisma.RequestLogWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.source) and.push({ source: filters.source });
  if (filters.integration) and.push({ integrationId: filters.integration });
  if (filters.server) and.push({ serverId: filters.server });
  if (filters.tool) and.push({ tool: filters.tool });
  if (filters.key) and.push({ apiKeyId: filters.key });
  if (filters.q) and.push(matchText(filters.q));
  const from = filters.range ? new Date(now.getTime() - requestRanges[filters.range]) : filters.from;
  if (from) and.push({ createdAt: { gte: from } });
  if (filters.to && !filters.range) and.push({ createdAt: { lte: filters.to } });
  if (cursor) {
    // Row-wise (createdAt, id) < cursor, written so the first half is an index range on createdAt.
    and.push({ createdAt: { lte: cursor.createdAt } });
    and.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] });
  }
  return and.length ? { AND: and } : {};
}

function matchText(q: string): Prisma.RequestLogWhereInput {
  if (UUID.test(q)) {
    // Ids Orbit makes are lowercase; one pasted from elsewhere may not be.
    const ids = [...new Set([q, q.toLowerCase()])];
    return { OR: [{ requestId: { in: ids } }, { id: { in: ids } }, { deliveryId: { in: ids } }] };
  }
  return {
    OR: [
      { requestId: q },
      { tool: { contains: q, mode: "insensitive" } },
      { serverSlug: { contains: q, mode: "insensitive" } },
      { errorCode: { contains: q, mode: "insensitive" } },
    ],
  };
}
