import type { Actor } from "@/lib/auth/roles";
import { assertRole } from "@/lib/auth/roles";
import type { Agent } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";

export type AgentListItem = Agent & { jobs: number };

/** Every agent, by name, with its job count. */
export async function listAgents(options: { actor: Actor }): Promise<AgentListItem[]> {
  assertRole(options.actor, "viewer");
  const agents = await getPrisma().agent.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { jobs: true } } },
  });
  return agents.map(({ _count, ...agent }) => ({ ...agent, jobs: _count.jobs }));
}
