import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";

/** Deletes an agent; its past jobs keep their events and show no agent. */
export async function deleteAgent(options: { actor: Actor; id: string }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const deleted = await tx.agent.deleteMany({ where: { id: options.id } });
    if (deleted.count === 0) throw new AppError("not_found", "That agent no longer exists.");
    await recordAudit(tx, {
      actor: options.actor,
      action: "agent.delete",
      targetType: "agent",
      targetId: options.id,
    });
  });
}
