import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { canUseTool } from "@/lib/api-keys/can-use-tool";
import { toMcpTool } from "@/lib/servers/to-mcp-tool";
import { loadFederatedToolIndex } from "./load-federated-tool-index";

/**
 * tools/list on /api/mcp: the registry's tools of every enabled server the key may use, as `<alias>__<tool>`, with
 * their stored schemas and annotations. From the registry, not a live tools/list per server: it is what tools/call
 * obeys (stored hints decide retries and caching), and it answers in one query while an upstream is slow or down.
 * Names two servers produce are left out (listFederatedCollisions reports them), and so are tools an operator
 * disabled; an operator's description replaces the upstream's.
 */
export async function listFederatedTools(options: { principal: ApiKeyPrincipal }): Promise<Tool[]> {
  const { unique } = await loadFederatedToolIndex();
  const tools: Tool[] = [];
  for (const [federatedName, tool] of unique) {
    if (!tool.enabled || !canUseTool(options.principal, tool.slug, tool.name)) continue;
    tools.push(toMcpTool(tool, federatedName));
  }
  return tools;
}
