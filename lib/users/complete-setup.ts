import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/crypto/hash-password";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { toUserView, type UserView } from "./to-user-view";
import { createUserInput } from "./user-input-schema";

// Setup creates the first admin, and only while no user exists. The check and the insert share a transaction with an
// advisory lock so two visitors racing on a fresh install cannot both become admin.
const SETUP_LOCK = 7_041_001;

export async function completeSetup(options: {
  input: { email: string; password: string; name?: string };
  ip?: string;
}): Promise<UserView> {
  const input = createUserInput.parse({ ...options.input, role: "admin" });
  const passwordHash = await hashPassword(input.password);
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if ((await tx.user.count()) > 0) {
      throw new AppError("forbidden", "Setup is finished: an account already exists. Sign in instead.");
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name || null, role: "admin", passwordHash },
    });
    await recordAudit(tx, {
      actor: { kind: "user", id: user.id, email: user.email, role: "admin" },
      action: "setup.complete",
      targetType: "user",
      targetId: user.id,
      ip: options.ip,
    });
    return toUserView(user);
  });
}
