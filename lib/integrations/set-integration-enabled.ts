import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { forgetWebhookIntegration } from "@/lib/webhooks/find-webhook-integration";
import { type IntegrationView, integrationViewInclude, toIntegrationView } from "./to-integration-view";

/** Turns an integration's webhook URL off (404 to senders) or back on, keeping its configuration and history. */
export async function setIntegrationEnabled(options: {
  actor: Actor;
  integrationId: string;
  enabled: boolean;
  ip?: string;
}): Promise<IntegrationView> {
  assertRole(options.actor, "operator");
  const view = await getPrisma().$transaction(async (tx) => {
    const before = await tx.integration.findUnique({
      where: { id: options.integrationId },
      select: { id: true },
    });
    if (!before) throw new AppError("not_found", "No such integration.");
    const after = await tx.integration.update({
      where: { id: before.id },
      data: { enabled: options.enabled },
      include: integrationViewInclude,
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: options.enabled ? "integration.enable" : "integration.disable",
      targetType: "integration",
      targetId: after.id,
      details: { slug: after.slug },
      ip: options.ip,
    });
    return toIntegrationView(after);
  });
  // After the commit: forgetting earlier would let a concurrent request cache the old row again.
  forgetWebhookIntegration(view.slug);
  return view;
}
