import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { inspectServer } from "@/lib/mcp/inspect-server";
import { publishListChanged } from "./publish-list-changed";
import { resolveUpstreamTarget } from "./resolve-upstream-target";
import { syncServerTools, type ToolSyncCounts } from "./sync-server-tools";
import { type ServerView, serverViewInclude, toServerView, toStoredServerInfo } from "./to-server-view";

/**
 * Re-reads a server's tools and makes the stored ones match: new and changed definitions are written, tools it no
 * longer lists are deleted, all in one transaction with the audit row. If the upstream fails nothing changes.
 * Reads from the first endpoint, or from `url` when that is one of the server's endpoints (the worker's periodic
 * refresh passes a replica it found healthy).
 */
export async function refreshServerTools(options: {
  actor: Actor;
  serverId: string;
  url?: string;
  ip?: string;
}): Promise<{ server: ServerView; tools: ToolSyncCounts; truncated: boolean }> {
  assertRole(options.actor, "operator");
  const prisma = getPrisma();
  const { server, target } = await resolveUpstreamTarget(prisma, options);
  const inspection = await inspectServer(target);
  // A listing cut at the page limit cannot prove a tool is gone, so nothing is deleted then.
  const truncated = inspection.truncated.includes("tools");
  const refreshed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.server.updateMany({
      where: { id: server.id },
      data: {
        serverInfo: toStoredServerInfo(inspection) as Prisma.InputJsonObject,
        lastCheckedAt: new Date(),
        toolsRefreshedAt: new Date(),
      },
    });
    if (count === 0)
      throw new AppError("not_found", "The server was deleted while its tools were being refreshed.");
    const tools = await syncServerTools(tx, {
      serverId: server.id,
      tools: inspection.tools,
      keepMissing: truncated,
      actor: options.actor,
    });
    // The worker's periodic refresh (the system) would add a row per server every few minutes; it is audited only
    // when it changed something.
    const changedSomething = tools.added + tools.changed + tools.removed > 0;
    if (options.actor.kind !== "system" || changedSomething)
      await recordAudit(tx, {
        actor: options.actor,
        action: "server.refresh_tools",
        targetType: "server",
        targetId: server.id,
        details: { slug: server.slug, url: target.url, ...tools, ...(truncated ? { truncated } : {}) },
        ip: options.ip,
      });
    const view = toServerView(
      await tx.server.findUniqueOrThrow({ where: { id: server.id }, include: serverViewInclude }),
    );
    return { server: view, tools, truncated };
  });
  // Whoever refreshed (an operator, the worker, an upstream's list_changed), federated sessions hear of a change.
  const { tools } = refreshed;
  if (tools.added + tools.changed + tools.removed > 0) {
    await publishListChanged({ serverId: server.id, slug: server.slug, list: "tools" });
  }
  return refreshed;
}
