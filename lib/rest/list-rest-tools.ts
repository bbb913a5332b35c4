import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { canUseTool } from "@/lib/api-keys/can-use-tool";
import { getPrisma } from "@/lib/db/get-prisma";
import type { RestServer } from "@/lib/rest/find-rest-server";
import { mcpToolSelect, toMcpTool } from "@/lib/servers/to-mcp-tool";

/**
 * `list_tools`: the server's tools as the registry holds them, narrowed to what the key may use, in the MCP `Tool`
 * shape. From the registry rather than a live tools/list because the registry is what call_tool obeys: the stored
 * annotations and the operator's cache and retry overrides decide how each call is treated, so listing the same
 * rows keeps the two answers consistent. It also answers in one indexed query while the upstream is slow or its
 * circuit is open. The registry is kept fresh by tool refreshes (the server page, list_changed, the interval).
 */
export async function listRestTools(options: {
  actor: ApiKeyPrincipal;
  server: RestServer;
}): Promise<{ tools: Tool[] }> {
  const { actor, server } = options;
  const stored = await getPrisma().tool.findMany({
    where: { serverId: server.id, deletedAt: null, enabled: true },
    orderBy: { name: "asc" },
    select: mcpToolSelect,
  });
  const tools = stored
    .filter((tool) => canUseTool(actor, server.slug, tool.name))
    .map((tool) => toMcpTool(tool, tool.name));
  return { tools };
}
