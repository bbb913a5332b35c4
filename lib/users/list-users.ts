import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { toUserView, type UserView } from "./to-user-view";

export async function listUsers(options: { actor: Actor }): Promise<UserView[]> {
  assertRole(options.actor, "admin");
  const users = await getPrisma().user.findMany({ orderBy: { createdAt: "asc" } });
  return users.map(toUserView);
}
