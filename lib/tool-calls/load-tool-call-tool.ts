import { createLookupCache, LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { toToolCallTool } from "@/lib/tool-calls/to-tool-call-tool";
import type { ToolCallTool } from "@/lib/tool-calls/tool-call-types";

type ToolRow = { annotations: unknown; cacheTtlSeconds: number | null; retryOverride: string | null };

/**
 * A server's tool as callTool needs it (hints and admin overrides). Remembered briefly (see createLookupCache) — a
 * tool the registry has not listed too, as "no hints" — and forgotten on this instance when a tool refresh changes
 * the server's tools (syncServerTools); other instances follow within LOOKUP_TTL_MS.
 */
export function loadToolCallTool(serverId: string, name: string): Promise<ToolCallTool> {
  return toolsByName.get(`${serverId}\u0000${name}`);
}

const toolsByName = createLookupCache<string, ToolCallTool>({
  name: "toolCallToolsByName",
  groups: ["tools"],
  ttlMs: LOOKUP_TTL_MS,
  load: async (key) => {
    const [serverId, name] = key.split("\u0000") as [string, string];
    // SQL rather than the query builder: one indexed row, where the builder's own work is the cost.
    const [stored] = await getPrisma().$queryRaw<ToolRow[]>`
      SELECT "annotations", "cacheTtlSeconds", "retryOverride" FROM "Tool"
      WHERE "serverId" = ${serverId} AND "name" = ${name}`;
    return toToolCallTool(name, stored);
  },
});
