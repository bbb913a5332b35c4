import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type RequestFilterOption = { id: string; name: string };

/**
 * The choices of the history's integration, server and key filters: names only. Key names are shown to every role
 * because each history row names its key anyway; prefixes, scopes and the rest stay on the admin's keys page.
 */
export async function listRequestFilterOptions(options: { actor: Actor }): Promise<{
  integrations: RequestFilterOption[];
  servers: RequestFilterOption[];
  apiKeys: RequestFilterOption[];
}> {
  assertRole(options.actor, "viewer");
  const prisma = getPrisma();
  const select = { id: true, name: true } as const;
  const [integrations, servers, apiKeys] = await Promise.all([
    prisma.integration.findMany({ select, orderBy: { name: "asc" } }),
    prisma.server.findMany({ select, orderBy: { name: "asc" } }),
    prisma.apiKey.findMany({ select, orderBy: { name: "asc" } }),
  ]);
  return { integrations, servers, apiKeys };
}
