import type { JSONSchema7 } from "ai";
import { matchesToolPattern } from "@/lib/api-keys/matches-tool-pattern";
import { loadFederatedToolIndex } from "@/lib/gateway/load-federated-tool-index";

export type AgentTool = {
  /** `<alias>__<tool>`, as on the federated endpoint: what the model sees and calls. */
  name: string;
  serverSlug: string;
  tool: string;
  description: string | undefined;
  inputSchema: JSONSchema7;
};

/**
 * The gateway tools an agent may call: registry tools of enabled servers, named as on the federated endpoint (names
 * two servers produce are left out there and here), enabled, and covered by one of the agent's patterns. No pattern,
 * no tools.
 */
export async function loadAgentTools(allowedTools: string[]): Promise<AgentTool[]> {
  if (allowedTools.length === 0) return [];
  const { unique } = await loadFederatedToolIndex();
  const tools: AgentTool[] = [];
  for (const [name, tool] of unique) {
    if (!tool.enabled) continue;
    if (!allowedTools.some((pattern) => matchesToolPattern(pattern, tool.slug, tool.name))) continue;
    tools.push({
      name,
      serverSlug: tool.slug,
      tool: tool.name,
      description: tool.descriptionOverride ?? tool.description ?? undefined,
      inputSchema: tool.inputSchema as JSONSchema7,
    });
  }
  return tools;
}
