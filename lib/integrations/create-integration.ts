import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { forgetWebhookIntegration } from "@/lib/webhooks/find-webhook-integration";
import { type CreateIntegrationInput, createIntegrationInput } from "./integration-input-schema";
import { toStoredKind } from "./integration-kind";
import { integrationSlugTakenError } from "./integration-slug-taken-error";
import { parseIntegrationInput } from "./parse-integration-input";
import { resolveRouteServers } from "./resolve-route-servers";
import { sealReplyConfig } from "./seal-reply-config";
import { sealSecrets } from "./seal-secrets";
import { type IntegrationView, integrationViewInclude, toIntegrationView } from "./to-integration-view";
import { writeRoutes } from "./write-routes";

/** Creates an integration with its routes; its webhook URL is live as soon as this returns (when enabled). */
export async function createIntegration(options: {
  actor: Actor;
  input: CreateIntegrationInput;
  ip?: string;
}): Promise<IntegrationView> {
  assertRole(options.actor, "operator");
  const input = parseIntegrationInput(createIntegrationInput, options.input);
  try {
    const view = await getPrisma().$transaction(async (tx) => {
      const taken = await tx.integration.findUnique({ where: { slug: input.slug }, select: { id: true } });
      if (taken) throw integrationSlugTakenError(input.slug);
      const routes = await resolveRouteServers(tx, input.routes);
      const integration = await tx.integration.create({
        data: {
          slug: input.slug,
          name: input.name,
          kind: toStoredKind(input.kind),
          mode: input.mode,
          enabled: input.enabled,
          secretsEncrypted: sealSecrets(input.secrets),
          verifyConfig: input.verifyConfig as Prisma.InputJsonObject,
          syncDeadlineMs: input.syncDeadlineMs,
          retrySchedule: input.retrySchedule,
          replyConfig: input.replyConfig ? sealReplyConfig(input.replyConfig) : undefined,
        },
      });
      await writeRoutes(tx, integration.id, routes);
      await recordAudit(tx, {
        actor: options.actor,
        action: "integration.create",
        targetType: "integration",
        targetId: integration.id,
        details: {
          slug: input.slug,
          name: input.name,
          kind: input.kind,
          mode: input.mode,
          secretCount: input.secrets.length,
          routes: input.routes.map((r) => r.name),
        },
        ip: options.ip,
      });
      return toIntegrationView(
        await tx.integration.findUniqueOrThrow({
          where: { id: integration.id },
          include: integrationViewInclude,
        }),
      );
    });
    // "Live as soon as this returns": a 404 for this slug cached a moment ago must not outlive the creation.
    forgetWebhookIntegration(view.slug);
    return view;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw integrationSlugTakenError(input.slug, error);
    throw error;
  }
}
