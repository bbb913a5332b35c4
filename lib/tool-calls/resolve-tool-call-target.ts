import { createLookupCache, LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { loadToolCallTool } from "@/lib/tool-calls/load-tool-call-tool";
import { toToolCallTarget } from "@/lib/tool-calls/to-tool-call-target";
import type { ToolCallTarget, ToolCallTool } from "@/lib/tool-calls/tool-call-types";

/**
 * A stored server and one of its tools as callTool needs them: replicas by position with weights, decrypted headers,
 * and the tool's hints and admin overrides. A tool the registry has not listed (never refreshed) is called with no
 * hints, which is the cautious reading: never cached, retried only when the request provably never left.
 * Throws AppError: not_found (no such server), unavailable (disabled), unprocessable (no endpoint).
 */
export async function resolveToolCallTarget(options: {
  serverId: string;
  toolName: string;
}): Promise<{ target: ToolCallTarget; tool: ToolCallTool }> {
  const [target, tool] = await Promise.all([
    serversById.get(options.serverId),
    loadToolCallTool(options.serverId, options.toolName),
  ]);
  if (target instanceof AppError) throw target;
  return { target, tool };
}

// Every webhook delivery and gateway call reads its server here: remembered briefly (see createLookupCache), with
// the headers decrypted once per entry. Refusals are not remembered, so a server enabled elsewhere answers at once.
const serversById = createLookupCache<string, ToolCallTarget | AppError>({
  name: "toolCallTargetsById",
  groups: ["servers"],
  ttlMs: LOOKUP_TTL_MS,
  keep: (value) => !(value instanceof AppError),
  load: async (serverId) => {
    const server = await getPrisma().server.findUnique({
      where: { id: serverId },
      include: { endpoints: { orderBy: { position: "asc" } } },
    });
    if (!server) return new AppError("not_found", "The route's server no longer exists.");
    if (!server.enabled) return new AppError("unavailable", `Server ${server.slug} is disabled.`);
    if (server.endpoints.length === 0) {
      return new AppError("unprocessable", `Server ${server.slug} has no endpoint to connect to.`);
    }
    return toToolCallTarget(server);
  },
});
