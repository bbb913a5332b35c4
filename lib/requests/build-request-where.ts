import type { Prisma } from "@/lib/db/generated/client";
import type { TextMatches } from "./find-text-matches";
import type { RequestCursor } from "./request-cursor";
import { type RequestFilters, requestRanges } from "./request-filters-schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Free text that is searched as an id (exact, indexed) rather than as a part of a name. */
export function isIdText(q: string): boolean {
  return UUID.test(q);
}

/**
 * The WHERE of one history page. Every condition is a plain column test so PostgreSQL can drive the scan from an
 * index ending in createdAt (see lib/requests/README.md for which filter uses which) and stop after one page.
 * Free text that is not an id needs `text`, the values it matches (findTextMatches); without them it falls back to
 * substring tests, which are right but cannot use an index.
 */
export function buildRequestWhere(
  filters: RequestFilters,
  cursor: RequestCursor | null,
  now: Date = new Date(),
  text: TextMatches | null = null,
): Prisma.RequestLogWhereInput {
  const and: Prisma.RequestLogWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.source) and.push({ source: filters.source });
  if (filters.integration) and.push({ integrationId: filters.integration });
  if (filters.server) and.push({ serverId: filters.server });
  if (filters.tool) and.push({ tool: filters.tool });
  if (filters.key) and.push({ apiKeyId: filters.key });
  if (filters.q) and.push(matchText(filters.q, text));
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

function matchText(q: string, text: TextMatches | null): Prisma.RequestLogWhereInput {
  if (isIdText(q)) {
    // Ids Orbit makes are lowercase; one pasted from elsewhere may not be.
    const ids = [...new Set([q, q.toLowerCase()])];
    return { OR: [{ requestId: { in: ids } }, { id: { in: ids } }, { deliveryId: { in: ids } }] };
  }
  // Prisma passes `contains` to ILIKE unescaped (prisma/orm#10810); escaped, % and _ are literal here as well.
  const literal = q.replace(/[\\%_]/g, "\\$&");
  const part = (values: string[] | null) =>
    values === null
      ? { contains: literal, mode: "insensitive" as const }
      : values.length > 0
        ? { in: values }
        : undefined;
  // A column no value of which contains q adds nothing: the OR shrinks to what can match (often just requestId).
  const or: Prisma.RequestLogWhereInput[] = [{ requestId: q }];
  const tool = part(text?.tool ?? null);
  if (tool) or.push({ tool });
  const serverSlug = part(text?.serverSlug ?? null);
  if (serverSlug) or.push({ serverSlug });
  const errorCode = part(text?.errorCode ?? null);
  if (errorCode) or.push({ errorCode });
  return or.length === 1 ? { requestId: q } : { OR: or };
}
