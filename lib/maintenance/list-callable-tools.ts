import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type CallableServer = { id: string; name: string; slug: string; tools: string[] };

/** Enabled servers and the names of their listed tools, for the "call a tool" form's choices. */
export async function listCallableTools(options: { actor: Actor }): Promise<CallableServer[]> {
  assertRole(options.actor, "operator");
  const servers = await getPrisma().server.findMany({
    where: { enabled: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      tools: { where: { deletedAt: null }, select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  return servers.map((server) => ({ ...server, tools: server.tools.map((tool) => tool.name) }));
}
