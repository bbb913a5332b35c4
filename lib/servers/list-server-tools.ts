import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type ToolView = {
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: Record<string, unknown> | null;
  refreshedAt: Date;
};

/** The stored tools of one server, as last listed by it, for anyone who may read the registry. */
export async function listServerTools(options: { actor: Actor; serverId: string }): Promise<ToolView[]> {
  assertRole(options.actor, "viewer");
  const tools = await getPrisma().tool.findMany({
    where: { serverId: options.serverId, deletedAt: null },
    orderBy: { name: "asc" },
  });
  return tools.map((tool) => ({
    id: tool.id,
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    outputSchema: tool.outputSchema,
    annotations: (tool.annotations as Record<string, unknown> | null) ?? null,
    refreshedAt: tool.refreshedAt,
  }));
}
