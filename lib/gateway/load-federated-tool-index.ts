import { getPrisma } from "@/lib/db/get-prisma";
import { mcpToolSelect, type StoredMcpTool } from "@/lib/servers/to-mcp-tool";
import { type FederatedNameIndex, indexFederatedNames } from "./index-federated-names";

/** A stored tool (`name` is the upstream's own) and the server it belongs to. */
export type FederatedTool = StoredMcpTool & {
  serverId: string;
  slug: string;
  alias: string;
};

/**
 * Every tool of every enabled server, from the registry (kept fresh by tool refreshes), named `<alias>__<tool>`.
 * Collisions are decided over all enabled servers, not per key: what a name means must not depend on who asks.
 */
export async function loadFederatedToolIndex(): Promise<FederatedNameIndex<FederatedTool>> {
  const servers = await getPrisma().server.findMany({
    where: { enabled: true },
    orderBy: { alias: "asc" },
    select: {
      id: true,
      slug: true,
      alias: true,
      tools: {
        // Soft-deleted tools are not the registry's; disabled ones still claim their name (listFederatedTools
        // leaves them out), so disabling a tool never makes another server's colliding name appear.
        where: { deletedAt: null },
        orderBy: { name: "asc" },
        select: mcpToolSelect,
      },
    },
  });
  const tools = servers.flatMap((server) =>
    server.tools.map(
      (tool): FederatedTool => ({ serverId: server.id, slug: server.slug, alias: server.alias, ...tool }),
    ),
  );
  return indexFederatedNames(tools, (a, b) => a.serverId === b.serverId);
}
