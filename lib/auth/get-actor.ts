import { getServerSession } from "next-auth";
import { cache } from "react";
import { getPrisma } from "@/lib/db/get-prisma";
import { getAuthOptions } from "./auth-options";
import { getSessionRevocations } from "./get-session-revocations";
import type { Actor } from "./roles";

export type UserActor = Extract<Actor, { kind: "user" }> & {
  name: string | null;
  mustChangePassword: boolean;
};

/**
 * The signed-in user, read fresh from the database; null when signed out, deleted or disabled. Cached per request,
 * so a layout and its page share one lookup.
 */
export const getActor = cache(async function getActor(): Promise<UserActor | null> {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  const sessionId = (session as { sessionId?: unknown } | null)?.sessionId;
  // Sessions from before session ids existed, or signed out, are not accepted.
  if (!id || typeof sessionId !== "string") return null;
  if (await getSessionRevocations().isRevoked(sessionId)) return null;
  const user = await getPrisma().user.findUnique({ where: { id } });
  if (!user || user.disabled) return null;
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
});
