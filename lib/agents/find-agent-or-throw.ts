import type { Agent } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";

/** An agent by slug or by id (callers use either); 404 when neither matches. */
export async function findAgentOrThrow(ref: string): Promise<Agent> {
  const agent = await getPrisma().agent.findFirst({ where: { OR: [{ slug: ref }, { id: ref }] } });
  if (!agent) throw new AppError("not_found", `No agent "${ref}".`);
  return agent;
}
