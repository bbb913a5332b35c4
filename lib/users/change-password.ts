import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "@/lib/crypto/hash-password";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { changePasswordInput } from "./user-input-schema";

/** A signed-in user changes their own password; clears the "temporary password" flag. */
export async function changePassword(options: {
  actor: Actor;
  input: { currentPassword: string; newPassword: string };
  ip?: string;
}): Promise<void> {
  if (options.actor.kind !== "user")
    throw new AppError("forbidden", "Only a signed-in user can change a password.");
  const input = changePasswordInput.parse(options.input);
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: options.actor.id },
    omit: { passwordHash: false },
  });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("bad_request", "The current password is not correct.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, {
      actor: options.actor,
      action: "user.password",
      targetType: "user",
      targetId: user.id,
      ip: options.ip,
    });
  });
}
