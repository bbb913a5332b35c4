import { AppError } from "@/lib/errors/app-error";

export const roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

// Each role includes everything below it: viewers read, operators also manage servers, tools, integrations, jobs
// and containers, admins also manage users, API keys and the hot configuration (settings) and read the audit log.
const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

/** Who is doing something: a signed-in user, the CLI on the host, or Orbit itself. */
export type Actor =
  | { kind: "user"; id: string; email: string; role: Role }
  | { kind: "cli" }
  | { kind: "system" };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? `user:${actor.email}` : actor.kind;
}

/** Throws `forbidden` unless the actor holds at least `needed`. The CLI and the system act with admin rights:
 * whoever can run commands on the host already owns the database. */
export function assertRole(actor: Actor, needed: Role): void {
  if (actor.kind !== "user") return;
  if (!roleAtLeast(actor.role, needed)) {
    throw new AppError("forbidden", `This needs the ${needed} role; you are ${actor.role}.`);
  }
}
