import type { Actor } from "@/lib/auth/roles";
import { assertRole } from "@/lib/auth/roles";
import type { Playbook } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";

/** One playbook by id for its page (any role may read it); null when it does not exist. */
export async function getPlaybook(options: { actor: Actor; id: string }): Promise<Playbook | null> {
  assertRole(options.actor, "viewer");
  return getPrisma().playbook.findUnique({ where: { id: options.id } });
}
