import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { forgetWebhookIntegration } from "@/lib/webhooks/find-webhook-integration";

/** Deletes an integration with its routes and deliveries (cascade). The audit row keeps its slug and name. */
export async function deleteIntegration(options: {
  actor: Actor;
  integrationId: string;
  ip?: string;
}): Promise<{ id: string; slug: string }> {
  assertRole(options.actor, "operator");
  const deleted = await getPrisma().$transaction(async (tx) => {
    const integration = await tx.integration.findUnique({
      where: { id: options.integrationId },
      select: { id: true, slug: true, name: true, _count: { select: { deliveries: true } } },
    });
    if (!integration) throw new AppError("not_found", "No such integration.");
    await tx.integration.delete({ where: { id: integration.id } });
    await recordAudit(tx, {
      actor: options.actor,
      action: "integration.delete",
      targetType: "integration",
      targetId: integration.id,
      details: {
        slug: integration.slug,
        name: integration.name,
        deliveryCount: integration._count.deliveries,
      },
      ip: options.ip,
    });
    return { id: integration.id, slug: integration.slug };
  });
  forgetWebhookIntegration(deleted.slug);
  return deleted;
}
