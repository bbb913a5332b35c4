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
} satisfies Prisma.ToolSelect;

export type StoredMcpTool = Prisma.ToolGetPayload<{ select: typeof mcpToolSelect }>;

/** A registry row in the MCP `Tool` shape, under `name` (the federated endpoint renames; others keep the name). */
export function toMcpTool(tool: Omit<StoredMcpTool, "name">, name: string): Tool {
  return {
    name,
    ...(tool.title ? { title: tool.title } : {}),
    ...(tool.description ? { description: tool.description } : {}),
    inputSchema: tool.inputSchema as Tool["inputSchema"],
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as Tool["outputSchema"] } : {}),
    ...(tool.annotations ? { annotations: tool.annotations as Tool["annotations"] } : {}),
  };
}
