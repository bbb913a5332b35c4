import { type Actor, actorLabel } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/get-prisma";

export type AuditEntry = {
  actor: Actor;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string;
};

/** Appends to the audit log. Pass the transaction of the change being audited so both land or neither does. */
export async function recordAudit(db: DbTx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actor.kind === "user" ? entry.actor.id : null,
      actorLabel: actorLabel(entry.actor),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
      ip: entry.ip,
    },
  });
}
