import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { inspectServer, type ServerInspection } from "@/lib/mcp/inspect-server";
import { resolveUpstreamTarget } from "./resolve-upstream-target";
import { toStoredServerInfo } from "./to-server-view";

/**
 * Connects to a stored server (its first endpoint, or `url` if that is one of its endpoints) with its stored
 * headers and reports what it offers. Records what the server said about itself and when; the stored tools are
 * left alone (refreshServerTools replaces them). Operator-only: it uses the stored credentials.
 */
export async function testServerConnection(options: {
  actor: Actor;
  serverId: string;
  url?: string;
  ip?: string;
}): Promise<ServerInspection> {
  assertRole(options.actor, "operator");
  const prisma = getPrisma();
  const { server, target } = await resolveUpstreamTarget(prisma, options);
  const inspection = await inspectServer(target);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.server.updateMany({
      where: { id: server.id },
      data: {
        serverInfo: toStoredServerInfo(inspection) as Prisma.InputJsonObject,
        lastCheckedAt: new Date(),
      },
    });
    if (count === 0) throw new AppError("not_found", "The server was deleted while it was being tested.");
    await recordAudit(tx, {
      actor: options.actor,
      action: "server.test",
      targetType: "server",
      targetId: server.id,
      details: {
        slug: server.slug,
        url: target.url,
        transport: inspection.transport,
        serverInfo: inspection.serverInfo,
        tools: inspection.tools.length,
      },
      ip: options.ip,
    });
  });
  return inspection;
}
