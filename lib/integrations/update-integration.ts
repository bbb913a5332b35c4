import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { forgetWebhookIntegration } from "@/lib/webhooks/find-webhook-integration";
import { applySecretChanges } from "./apply-secret-changes";
import {
  checkVerification,
  type IntegrationKindName,
  type ParsedUpdateIntegrationInput,
  type UpdateIntegrationInput,
  updateIntegrationInput,
} from "./integration-input-schema";
import { fromStoredKind, toStoredKind } from "./integration-kind";
import { integrationSlugTakenError } from "./integration-slug-taken-error";
import { openReplyConfig } from "./open-reply-config";
import { openSecrets } from "./open-secrets";
import { integrationInputError, parseIntegrationInput } from "./parse-integration-input";
import { resolveRouteServers } from "./resolve-route-servers";
import { asStoredReplyConfig, sealReplyConfig } from "./seal-reply-config";
import { sealSecrets } from "./seal-secrets";
import { type IntegrationView, integrationViewInclude, toIntegrationView } from "./to-integration-view";
import { writeRoutes } from "./write-routes";

/**
 * Edits an integration; fields left out keep their value. Secrets and the reply token are patched without being
 * shown (see secretChange); `routes`, when given, replaces the list in the same transaction as everything else.
 */
export async function updateIntegration(options: {
  actor: Actor;
  integrationId: string;
  input: UpdateIntegrationInput;
  ip?: string;
}): Promise<IntegrationView> {
  assertRole(options.actor, "operator");
  const input = parseIntegrationInput(updateIntegrationInput, options.input);
  let previousSlug: string | undefined;
  try {
    const view = await getPrisma().$transaction(async (tx) => {
      const before = await tx.integration.findUnique({ where: { id: options.integrationId } });
      if (!before) throw new AppError("not_found", "No such integration.");
      previousSlug = before.slug;
      if (input.slug !== undefined && input.slug !== before.slug) {
        const taken = await tx.integration.findUnique({ where: { slug: input.slug }, select: { id: true } });
        if (taken) throw integrationSlugTakenError(input.slug);
      }

      const beforeKind = fromStoredKind(before.kind);
      const kind = input.kind ?? beforeKind;
      const storedSecrets = openSecrets(before.secretsEncrypted);
      const secrets = input.secrets ? applySecretChanges(storedSecrets, input.secrets) : storedSecrets;
      // Options of one kind mean nothing to another, so a kind change without new options starts from defaults.
      const rawConfig =
        input.verifyConfig ?? (kind === beforeKind ? (before.verifyConfig as Record<string, unknown>) : {});
      const verifyConfig = verify(kind, secrets, rawConfig);
      const replyConfig = nextReplyConfig(kind, before.replyConfig, input.replyConfig);

      if (input.routes) {
        await writeRoutes(tx, before.id, await resolveRouteServers(tx, input.routes));
      }
      const after = await tx.integration.update({
        where: { id: before.id },
        data: {
          name: input.name,
          slug: input.slug,
          kind: toStoredKind(kind),
          mode: input.mode,
          enabled: input.enabled,
          secretsEncrypted: input.secrets ? sealSecrets(secrets) : undefined,
          verifyConfig: verifyConfig as Prisma.InputJsonObject,
          syncDeadlineMs: input.syncDeadlineMs,
          retrySchedule: input.retrySchedule,
          replyConfig,
        },
        include: integrationViewInclude,
      });
      await recordAudit(tx, {
        actor: options.actor,
        action: "integration.update",
        targetType: "integration",
        targetId: after.id,
        details: {
          slug: after.slug,
          changes: scalarChanges({ ...before, kind: beforeKind }, { ...input, kind: input.kind }),
          // What happened to the secrets, never their values.
          ...(input.secrets
            ? {
                secrets: {
                  ops: input.secrets.map((c) => c.op),
                  from: storedSecrets.length,
                  to: secrets.length,
                },
              }
            : {}),
          ...(input.verifyConfig ? { verifyConfig: verifyConfig as Prisma.InputJsonObject } : {}),
          ...(input.replyConfig !== undefined
            ? {
                reply:
                  input.replyConfig === null
                    ? "removed"
                    : input.replyConfig.token
                      ? "token replaced"
                      : "updated",
              }
            : {}),
          ...(input.routes ? { routes: input.routes.map((r) => r.name) } : {}),
        },
        ip: options.ip,
      });
      return toIntegrationView(after);
    });
    // After the commit, under both names: the old slug must stop answering as this integration at once.
    forgetWebhookIntegration(previousSlug, view.slug);
    return view;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002" && input.slug) {
      throw integrationSlugTakenError(input.slug, error);
    }
    throw error;
  }
}

function verify(kind: IntegrationKindName, secrets: string[], verifyConfig: Record<string, unknown>) {
  const ctx = { issues: [] as Parameters<typeof checkVerification>[1]["issues"] };
  const config = checkVerification({ kind, secrets, verifyConfig }, ctx);
  if (!config) {
    throw integrationInputError(
      ctx.issues.map((issue) => {
        const path = (issue.path ?? []).map(String).join(".");
        return { path, message: issue.message ?? "Not valid" };
      }),
    );
  }
  return config;
}

/** The reply column after an edit: removed, kept, or rewritten with a blank token keeping the stored one. */
function nextReplyConfig(
  kind: IntegrationKindName,
  stored: Prisma.JsonValue,
  change: ParsedUpdateIntegrationInput["replyConfig"],
): Prisma.InputJsonObject | typeof Prisma.DbNull | undefined {
  if (change === null) return Prisma.DbNull;
  const keeps = change === undefined ? asStoredReplyConfig(stored) : change;
  if (keeps && kind !== "respondio") {
    throw integrationInputError([
      {
        path: "replyConfig",
        message: "replies are sent through Respond.io only; remove them first",
      },
    ]);
  }
  if (change === undefined) return undefined;
  const token = change.token || openReplyConfig(stored)?.token;
  if (!token) {
    throw integrationInputError([
      { path: "replyConfig.token", message: "enter the API token; none is stored yet" },
    ]);
  }
  return sealReplyConfig({ baseUrl: change.baseUrl, token, channelId: change.channelId });
}

const scalarFields = ["name", "slug", "kind", "mode", "enabled", "syncDeadlineMs", "retrySchedule"] as const;

/** Before/after of the plain fields that actually changed, for the audit trail. */
function scalarChanges(
  before: Record<(typeof scalarFields)[number], unknown>,
  input: Partial<Record<(typeof scalarFields)[number], unknown>>,
): Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }> {
  const changes: Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }> = {};
  for (const field of scalarFields) {
    const to = input[field];
    if (to !== undefined && JSON.stringify(to) !== JSON.stringify(before[field])) {
      changes[field] = { from: before[field] as Prisma.InputJsonValue, to: to as Prisma.InputJsonValue };
    }
  }
  return changes;
}
