import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { type ServerView, serverViewInclude, toServerView } from "./to-server-view";

/** Every registered server with its endpoints, tool count and header names (never values), by name. */
export async function listServers(options: { actor: Actor }): Promise<ServerView[]> {
  assertRole(options.actor, "viewer");
  const servers = await getPrisma().server.findMany({
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    include: serverViewInclude,
  });
  return servers.map(toServerView);
}
