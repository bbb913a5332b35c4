import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { forgetLookups } from "@/lib/cache/create-lookup-cache";
import type { Prisma, Tool } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { publishListChanged } from "@/lib/servers/publish-list-changed";
import { recordToolVersion, type ToolVersionChange } from "./record-tool-version";
import { toToolState } from "./tool-state";

/**
 * The one way an operator changes a tool: in one transaction the row, a ToolVersion (with the diff) and the audit
 * entry; then this instance forgets its cached tool lookups (other instances within 5 s) and federated sessions
 * hear that the server's tool list changed. `update` sees the row as stored and returns the columns to write.
 */
export async function changeTool(options: {
  actor: Actor;
  toolId: string;
  ip?: string;
  change: ToolVersionChange;
  action: string;
  update: (tool: Tool) => Prisma.ToolUpdateInput;
  details?: (tool: Tool) => Prisma.InputJsonObject;
}): Promise<Tool> {
  assertRole(options.actor, "operator");
  const { tool, slug } = await getPrisma().$transaction(async (tx) => {
    const before = await tx.tool.findUnique({
      where: { id: options.toolId },
      include: { server: { select: { slug: true } } },
    });
    if (!before) throw new AppError("not_found", "No such tool.");
    const after = await tx.tool.update({ where: { id: before.id }, data: options.update(before) });
    await recordToolVersion(tx, {
      toolId: before.id,
      source: "admin",
      change: options.change,
      actor: options.actor,
      before: toToolState(before),
      after: toToolState(after),
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: options.action,
      targetType: "tool",
      targetId: before.id,
      details: { server: before.server.slug, tool: before.name, ...options.details?.(after) },
      ip: options.ip,
    });
    return { tool: after, slug: before.server.slug };
  });
  forgetLookups("tools");
  await publishListChanged({ serverId: tool.serverId, slug, list: "tools" });
  return tool;
}
