import { redirect } from "next/navigation";
import { getActor, type UserActor } from "./get-actor";
import { type Role, roleAtLeast } from "./roles";

/** For pages: the signed-in user with at least `role`, or a redirect (to /login when signed out). */
export async function requirePageActor(role: Role = "viewer"): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!roleAtLeast(actor.role, role)) redirect("/forbidden");
  return actor;
}
