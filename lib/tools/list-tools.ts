import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import type { ToolFilters } from "./tool-filters-schema";

export type ToolListItem = {
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  descriptionOverride: string | null;
  annotations: Record<string, unknown> | null;
  enabled: boolean;
  cacheTtlSeconds: number | null;
  retryOverride: string | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  refreshedAt: Date;
  server: { id: string; slug: string; name: string; enabled: boolean };
};

/** The registry across servers, filtered by server (id or slug), text, enabled, an annotation hint and deletion. */
export async function listTools(options: { actor: Actor; filters: ToolFilters }): Promise<ToolListItem[]> {
  assertRole(options.actor, "viewer");
  const { server, q, enabled, hint, deleted } = options.filters;
  const where: Prisma.ToolWhereInput = {
    ...(server ? { server: { OR: [{ id: server }, { slug: server }] } } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { title: { contains: q, mode: "insensitive" } },
            { description: { contains: q, mode: "insensitive" } },
            { descriptionOverride: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(enabled ? { enabled: enabled === "yes" } : {}),
    ...(hint ? { annotations: { path: [hint], equals: true } } : {}),
    ...(deleted === "hide" ? { deletedAt: null } : deleted === "only" ? { deletedAt: { not: null } } : {}),
  };
  const tools = await getPrisma().tool.findMany({
    where,
    orderBy: [{ server: { slug: "asc" } }, { name: "asc" }],
    include: { server: { select: { id: true, slug: true, name: true, enabled: true } } },
    // A registry is hundreds of tools, not millions; the bound only keeps a runaway upstream from flooding the page.
    take: 2000,
  });
  return tools.map((tool) => ({
    id: tool.id,
    name: tool.name,
    title: tool.title,
    description: tool.description,
    descriptionOverride: tool.descriptionOverride,
    annotations: (tool.annotations as Record<string, unknown> | null) ?? null,
    enabled: tool.enabled,
    cacheTtlSeconds: tool.cacheTtlSeconds,
    retryOverride: tool.retryOverride,
    deletedAt: tool.deletedAt,
    deletedBy: tool.deletedBy,
    refreshedAt: tool.refreshedAt,
    server: tool.server,
  }));
}
