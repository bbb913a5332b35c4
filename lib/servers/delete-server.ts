import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { forgetLookups } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { publishServerListsChanged } from "./publish-server-lists-changed";

/** Deletes a server with its endpoints and tools (cascade). The audit row keeps its slug and name. */
export async function deleteServer(options: {
  actor: Actor;
  serverId: string;
  ip?: string;
}): Promise<{ id: string; slug: string }> {
  assertRole(options.actor, "operator");
  try {
    const deleted = await getPrisma().$transaction(async (tx) => {
      const server = await tx.server.findUnique({
        where: { id: options.serverId },
        select: { id: true, slug: true, name: true, _count: { select: { tools: true } } },
      });
      if (!server) throw new AppError("not_found", "No such server.");
      await tx.server.delete({ where: { id: server.id } });
      await recordAudit(tx, {
        actor: options.actor,
        action: "server.delete",
        targetType: "server",
        targetId: server.id,
        details: { slug: server.slug, name: server.name, toolCount: server._count.tools },
        ip: options.ip,
      });
      return { id: server.id, slug: server.slug };
    });
    // Its tools, prompts and resources left the federated lists.
    await publishServerListsChanged(deleted);
    return deleted;
  } finally {
    // The gateway reads servers through a short-lived cache; this instance sees the change with its next request.
    forgetLookups("servers");
  }
}
