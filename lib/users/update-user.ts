import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole, type Role } from "@/lib/auth/roles";
import { type DbTx, getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { toUserView, type UserView } from "./to-user-view";
import { setUserDisabledInput, updateUserRoleInput } from "./user-input-schema";

type Change = { role: Role } | { disabled: boolean };

/** Changes a user's role or disabled flag. Refuses to leave Orbit without an active admin. */
export async function updateUser(options: {
  actor: Actor;
  userId: string;
  change: Change;
  ip?: string;
}): Promise<UserView> {
  assertRole(options.actor, "admin");
  const change: Change =
    "role" in options.change
      ? { role: updateUserRoleInput.parse({ userId: options.userId, ...options.change }).role }
      : { disabled: setUserDisabledInput.parse({ userId: options.userId, ...options.change }).disabled };
  return getPrisma().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: options.userId } });
    if (!before) throw new AppError("not_found", "No such user.");
    const after = await tx.user.update({ where: { id: before.id }, data: change });
    await assertAnActiveAdminRemains(tx);
    await recordAudit(tx, {
      actor: options.actor,
      action: "role" in change ? "user.role" : change.disabled ? "user.disable" : "user.enable",
      targetType: "user",
      targetId: after.id,
      details: {
        email: after.email,
        before: { role: before.role, disabled: before.disabled },
        after: change,
      },
      ip: options.ip,
    });
    return toUserView(after);
  });
}

async function assertAnActiveAdminRemains(tx: DbTx): Promise<void> {
  const admins = await tx.user.count({ where: { role: "admin", disabled: false } });
  if (admins === 0) {
    throw new AppError("conflict", "Orbit needs at least one active admin; promote someone else first.");
  }
}
