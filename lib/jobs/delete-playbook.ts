import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";

/** Deletes a playbook; its past jobs keep their events and show no playbook. */
export async function deletePlaybook(options: { actor: Actor; id: string }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const deleted = await tx.playbook.deleteMany({ where: { id: options.id } });
    if (deleted.count === 0) throw new AppError("not_found", "That playbook no longer exists.");
    await recordAudit(tx, {
      actor: options.actor,
      action: "playbook.delete",
      targetType: "playbook",
      targetId: options.id,
    });
  });
}
