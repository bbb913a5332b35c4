import { createLookupCache, LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { toToolCallTool } from "@/lib/tool-calls/to-tool-call-tool";
import type { ToolCallTool } from "@/lib/tool-calls/tool-call-types";

type ToolRow = {
  annotations: unknown;
  cacheTtlSeconds: number | null;
  retryOverride: string | null;
  enabled: boolean;
  deletedAt: Date | null;
};

/**
 * A server's tool as callTool needs it (hints and admin overrides). Remembered briefly (see createLookupCache) — a
 * tool the registry has not listed too, as "no hints" — and forgotten on this instance when a tool refresh or an
 * override changes the server's tools (syncServerTools, lib/tools); other instances follow within LOOKUP_TTL_MS.
 * Every caller (webhooks, chat, REST, both MCP endpoints) comes through here, so this is where a tool an operator
 * disabled is refused: throws AppError unavailable. A soft-deleted tool reads as one the registry never listed.
 */
export async function loadToolCallTool(serverId: string, name: string): Promise<ToolCallTool> {
  const tool = await toolsByName.get(`${serverId}\u0000${name}`);
  if (tool instanceof AppError) throw tool;
  return tool;
}

const toolsByName = createLookupCache<string, ToolCallTool | AppError>({
  name: "toolCallToolsByName",
  groups: ["tools"],
  ttlMs: LOOKUP_TTL_MS,
  // Refusals are not remembered, so a tool enabled elsewhere answers at once.
  keep: (value) => !(value instanceof AppError),
  load: async (key) => {
    const [serverId, name] = key.split("\u0000") as [string, string];
    // SQL rather than the query builder: one indexed row, where the builder's own work is the cost.
    const [stored] = await getPrisma().$queryRaw<ToolRow[]>`
      SELECT "annotations", "cacheTtlSeconds", "retryOverride", "enabled", "deletedAt" FROM "Tool"
      WHERE "serverId" = ${serverId} AND "name" = ${name}`;
    if (stored && !stored.enabled) {
      return new AppError("unavailable", `The tool "${name}" is disabled by an operator.`);
    }
    return toToolCallTool(name, stored?.deletedAt ? null : stored);
  },
});
