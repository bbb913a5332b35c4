import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import type { Playbook } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { PlaybookInput } from "./playbook-steps-schema";

/**
 * Creates a playbook, or replaces the one with `id`, and audits it. A slug taken by another playbook is a 409.
 * Jobs already queued run the steps as saved when they start.
 */
export async function savePlaybook(options: {
  actor: Actor;
  id?: string;
  input: PlaybookInput;
}): Promise<Playbook> {
  const { actor, id, input } = options;
  const data = {
    slug: input.slug,
    name: input.name,
    description: input.description ?? null,
    steps: input.steps,
    timeoutSeconds: input.timeoutSeconds,
  };
  return getPrisma().$transaction(async (tx) => {
    const taken = await tx.playbook.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken && taken.id !== id)
      throw new AppError("conflict", `Another playbook uses the slug "${input.slug}".`);
    if (id && !(await tx.playbook.findUnique({ where: { id }, select: { id: true } }))) {
      throw new AppError("not_found", "That playbook no longer exists.");
    }
    const playbook = id
      ? await tx.playbook.update({ where: { id }, data })
      : await tx.playbook.create({ data });
    await recordAudit(tx, {
      actor,
      action: id ? "playbook.update" : "playbook.create",
      targetType: "playbook",
      targetId: playbook.id,
      details: { slug: playbook.slug, steps: input.steps.length },
    });
    return playbook;
  });
}
