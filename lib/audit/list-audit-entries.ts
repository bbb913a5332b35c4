import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { decodeRequestCursor, encodeRequestCursor } from "@/lib/requests/request-cursor";
import { type AuditFilters, auditFiltersSchema } from "./audit-filters-schema";

export const AUDIT_ENTRIES_PER_PAGE = 50;

export type AuditListItem = {
  id: string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
};

/**
 * One page of the audit log, newest first, keyset-paged on (createdAt, id) like the request history (same cursor
 * format): no OFFSET, and entries written while someone pages never shift a page. Admins only: the trail names
 * people, addresses and what they changed.
 */
export async function listAuditEntries(options: {
  actor: Actor;
  filters: Record<string, unknown>;
  cursor?: string;
  limit?: number;
}): Promise<{ entries: AuditListItem[]; nextCursor: string | null; filters: AuditFilters }> {
  assertRole(options.actor, "admin");
  const parsed = auditFiltersSchema.safeParse(options.filters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request", `Filter "${issue?.path.join(".")}": ${issue?.message}`);
  }
  const filters = parsed.data;
  const limit = Math.min(Math.max(options.limit ?? AUDIT_ENTRIES_PER_PAGE, 1), 200);
  const after = options.cursor ? decodeRequestCursor(options.cursor) : null;

  const where: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor) where.push({ actorLabel: { contains: filters.actor, mode: "insensitive" } });
  if (filters.action) {
    where.push(
      filters.action.endsWith(".") ? { action: { startsWith: filters.action } } : { action: filters.action },
    );
  }
  if (filters.target) where.push({ targetType: filters.target });
  if (filters.from) where.push({ createdAt: { gte: filters.from } });
  if (filters.to) where.push({ createdAt: { lte: filters.to } });
  if (after) {
    where.push({
      OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
    });
  }

  const rows = await getPrisma().auditLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      actorLabel: row.actorLabel,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      ip: row.ip,
      details: row.details,
    })),
    nextCursor: rows.length > limit && last ? encodeRequestCursor(last) : null,
    filters,
  };
}
