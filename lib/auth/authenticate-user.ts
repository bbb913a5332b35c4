import { recordAudit } from "@/lib/audit/record-audit";
import { burnPasswordCheck, verifyPassword } from "@/lib/crypto/hash-password";
import { getPrisma } from "@/lib/db/get-prisma";
import { emailSchema } from "@/lib/users/user-input-schema";
import type { Role } from "./roles";

export type AuthenticatedUser = { id: string; email: string; name: string | null; role: Role };

/**
 * Checks an email and password. Every failure looks the same to the caller (null) — unknown email, wrong password
 * and disabled account alike — so the sign-in form cannot be used to discover accounts. The audit log keeps the
 * real reason.
 */
export async function authenticateUser(options: {
  email: unknown;
  password: unknown;
  ip?: string;
}): Promise<AuthenticatedUser | null> {
  const email = emailSchema.safeParse(options.email);
  const password = typeof options.password === "string" ? options.password : "";
  const prisma = getPrisma();
  const user = email.success
    ? await prisma.user.findUnique({ where: { email: email.data }, omit: { passwordHash: false } })
    : null;

  let reason: string | null = null;
  if (!user) {
    await burnPasswordCheck(password);
    reason = "unknown_email";
  } else if (!(await verifyPassword(user.passwordHash, password))) {
    reason = "wrong_password";
  } else if (user.disabled) {
    reason = "disabled";
  }

  if (reason || !user) {
    await recordAudit(prisma, {
      actor: { kind: "system" },
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id,
      details: { email: email.success ? email.data : null, reason },
      ip: options.ip,
    });
    return null;
  }

  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, {
      actor: { kind: "user", id: user.id, email: user.email, role: user.role },
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      ip: options.ip,
    });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
