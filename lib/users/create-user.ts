import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/crypto/hash-password";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { toUserView, type UserView } from "./to-user-view";
import { type CreateUserInput, createUserInput } from "./user-input-schema";

/**
 * Creates a user (an admin inviting someone, the CLI, or first-run setup). An invited user gets a temporary password
 * and is asked to choose their own at first sign-in.
 */
export async function createUser(options: {
  actor: Actor;
  input: CreateUserInput;
  temporaryPassword?: boolean;
  ip?: string;
}): Promise<UserView> {
  assertRole(options.actor, "admin");
  const input = createUserInput.parse(options.input);
  const passwordHash = await hashPassword(input.password);
  const prisma = getPrisma();
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A user with the email ${input.email} already exists.`);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name || null,
          role: input.role,
          passwordHash,
          mustChangePassword: options.temporaryPassword ?? false,
        },
      });
      await recordAudit(tx, {
        actor: options.actor,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, role: user.role },
        ip: options.ip,
      });
      return toUserView(user);
    });
  } catch (error) {
    // Two concurrent invites for one email: the unique index decides, the loser gets a clear answer.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A user with the email ${input.email} already exists.`, {
        cause: error,
      });
    }
    throw error;
  }
}
