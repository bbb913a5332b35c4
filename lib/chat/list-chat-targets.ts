import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type ChatTargets = {
  integrations: { id: string; name: string; slug: string; kind: string; mode: string }[];
  servers: {
    id: string;
    name: string;
    slug: string;
    tools: { name: string; description: string | null; inputSchema: unknown }[];
  }[];
};

/** What the chat page can talk to: enabled integrations, and enabled servers with their callable tools. */
export async function listChatTargets(options: { actor: Actor }): Promise<ChatTargets> {
  assertRole(options.actor, "operator");
  const prisma = getPrisma();
  const [integrations, servers] = await Promise.all([
    prisma.integration.findMany({
      where: { enabled: true },
      orderBy: [{ name: "asc" }, { slug: "asc" }],
      select: { id: true, name: true, slug: true, kind: true, mode: true },
    }),
    prisma.server.findMany({
      where: { enabled: true },
      orderBy: [{ name: "asc" }, { slug: "asc" }],
      select: {
        id: true,
        name: true,
        slug: true,
        tools: {
          where: { enabled: true, deletedAt: null },
          orderBy: { name: "asc" },
          select: { name: true, description: true, descriptionOverride: true, inputSchema: true },
        },
      },
    }),
  ]);
  return {
    integrations,
    servers: servers.map((server) => ({
      ...server,
      tools: server.tools.map(({ descriptionOverride, ...tool }) => ({
        ...tool,
        description: descriptionOverride ?? tool.description,
      })),
    })),
  };
}
