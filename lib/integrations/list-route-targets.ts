import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type RouteTarget = {
  id: string;
  name: string;
  slug: string;
  enabled: boolean;
  tools: { name: string; description: string | null }[];
};

/** Servers with their stored tool names, for the route editor's server and tool pickers. */
export async function listRouteTargets(options: { actor: Actor }): Promise<RouteTarget[]> {
  assertRole(options.actor, "viewer");
  const servers = await getPrisma().server.findMany({
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      enabled: true,
      tools: {
        where: { deletedAt: null },
        orderBy: { name: "asc" },
        select: { name: true, description: true },
      },
    },
  });
  return servers;
}
