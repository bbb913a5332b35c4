import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import type { Agent } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { AgentInput } from "./agent-input-schema";

/**
 * Creates an agent, or replaces the one with `id`, and audits it. A slug taken by another agent is a 409. Jobs
 * already queued run with the agent as saved when they start.
 */
export async function saveAgent(options: { actor: Actor; id?: string; input: AgentInput }): Promise<Agent> {
  const { actor, id, input } = options;
  const data = {
    slug: input.slug,
    name: input.name,
    model: input.model || null,
    systemPrompt: input.systemPrompt,
    allowedTools: input.allowedTools,
    stepLimit: input.stepLimit,
    temperature: input.temperature ?? null,
    timeoutSeconds: input.timeoutSeconds,
  };
  return getPrisma().$transaction(async (tx) => {
    const taken = await tx.agent.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken && taken.id !== id)
      throw new AppError("conflict", `Another agent uses the slug "${input.slug}".`);
    if (id && !(await tx.agent.findUnique({ where: { id }, select: { id: true } }))) {
      throw new AppError("not_found", "That agent no longer exists.");
    }
    const agent = id ? await tx.agent.update({ where: { id }, data }) : await tx.agent.create({ data });
    await recordAudit(tx, {
      actor,
      action: id ? "agent.update" : "agent.create",
      targetType: "agent",
      targetId: agent.id,
      details: { slug: agent.slug, allowedTools: agent.allowedTools },
    });
    return agent;
  });
}
