import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { toToolCallTarget } from "@/lib/tool-calls/to-tool-call-target";
import { toToolCallTool } from "@/lib/tool-calls/to-tool-call-tool";
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
  const server = await getPrisma().server.findUnique({
    where: { id: options.serverId },
    include: {
      endpoints: { orderBy: { position: "asc" } },
      tools: { where: { name: options.toolName } },
    },
  });
  if (!server) throw new AppError("not_found", "The route's server no longer exists.");
  if (!server.enabled) throw new AppError("unavailable", `Server ${server.slug} is disabled.`);
  if (server.endpoints.length === 0) {
    throw new AppError("unprocessable", `Server ${server.slug} has no endpoint to connect to.`);
  }

  return { target: toToolCallTarget(server), tool: toToolCallTool(options.toolName, server.tools[0]) };
}
