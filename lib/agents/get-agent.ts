import type { Actor } from "@/lib/auth/roles";
import { assertRole } from "@/lib/auth/roles";
import type { Agent } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";

/** One agent by id for its page (any role may read it); null when it does not exist. */
export async function getAgent(options: { actor: Actor; id: string }): Promise<Agent | null> {
  assertRole(options.actor, "viewer");
  return getPrisma().agent.findUnique({ where: { id: options.id } });
}
