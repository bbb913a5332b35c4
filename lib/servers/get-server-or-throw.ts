import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { type ServerView, serverViewInclude, toServerView } from "./to-server-view";

export async function getServerOrThrow(options: { actor: Actor; serverId: string }): Promise<ServerView> {
  assertRole(options.actor, "viewer");
  const server = await getPrisma().server.findUnique({
    where: { id: options.serverId },
    include: serverViewInclude,
  });
  if (!server) throw new AppError("not_found", "No such server.");
  return toServerView(server);
}
