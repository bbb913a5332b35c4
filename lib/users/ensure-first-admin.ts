import { getPrisma } from "@/lib/db/get-prisma";
import { getEnv } from "@/lib/env";
import { createUser } from "./create-user";

/**
 * Seeds the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when the database has no user yet. Safe to call on every
 * boot and from several instances: once any user exists it does nothing.
 */
export async function ensureFirstAdmin(): Promise<{ created: boolean; email?: string; usersExist: boolean }> {
  const env = getEnv();
  const count = await getPrisma().user.count();
  if (count > 0) return { created: false, usersExist: true };
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return { created: false, usersExist: false };
  try {
    const user = await createUser({
      actor: { kind: "system" },
      input: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, role: "admin" },
    });
    return { created: true, email: user.email, usersExist: true };
  } catch (error) {
    // Another instance seeded it first.
    if ((error as { code?: string }).code === "conflict") return { created: false, usersExist: true };
    throw error;
  }
}
