import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { forgetLookups } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { publishServerListsChanged } from "./publish-server-lists-changed";
import { type ServerView, serverViewInclude, toServerView } from "./to-server-view";

/** Takes a server out of (or back into) service without losing its configuration or tools. */
export async function setServerEnabled(options: {
  actor: Actor;
  serverId: string;
  enabled: boolean;
  ip?: string;
}): Promise<ServerView> {
  assertRole(options.actor, "operator");
  try {
    const view = await getPrisma().$transaction(async (tx) => {
      const before = await tx.server.findUnique({ where: { id: options.serverId }, select: { id: true } });
      if (!before) throw new AppError("not_found", "No such server.");
      const after = await tx.server.update({
        where: { id: before.id },
        data: { enabled: options.enabled },
        include: serverViewInclude,
      });
      await recordAudit(tx, {
        actor: options.actor,
        action: options.enabled ? "server.enable" : "server.disable",
        targetType: "server",
        targetId: after.id,
        details: { slug: after.slug },
        ip: options.ip,
      });
      return toServerView(after);
    });
    // Its tools, prompts and resources joined or left the federated lists.
    await publishServerListsChanged(view);
    return view;
  } finally {
    // The gateway reads servers through a short-lived cache; this instance sees the change with its next request.
    forgetLookups("servers");
  }
}
