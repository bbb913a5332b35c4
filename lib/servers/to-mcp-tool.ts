import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { Prisma } from "@/lib/db/generated/client";

/** Pass as `select` (or inside one) to read stored tools for toMcpTool. */
export const mcpToolSelect = {
  name: true,
  title: true,
  description: true,
  inputSchema: true,
  outputSchema: true,
  annotations: true,
  descriptionOverride: true,
  enabled: true,
} satisfies Prisma.ToolSelect;

export type StoredMcpTool = Prisma.ToolGetPayload<{ select: typeof mcpToolSelect }>;

/**
 * A registry row in the MCP `Tool` shape, under `name` (the federated endpoint renames; others keep the name), with
 * the operator's description when one is set. Callers leave out disabled tools (`enabled`).
 */
export function toMcpTool(tool: Omit<StoredMcpTool, "name" | "enabled">, name: string): Tool {
  const description = tool.descriptionOverride ?? tool.description;
  return {
    name,
    ...(tool.title ? { title: tool.title } : {}),
    ...(description ? { description } : {}),
    inputSchema: tool.inputSchema as Tool["inputSchema"],
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as Tool["outputSchema"] } : {}),
    ...(tool.annotations ? { annotations: tool.annotations as Tool["annotations"] } : {}),
  };
}
