import { randomUUID } from "node:crypto";
import { encryptSecret } from "@/lib/crypto/encrypt-secret";
import type { Prisma } from "@/lib/db/generated/client";
import type { IntegrationKind } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/get-prisma";
import { getEnv } from "@/lib/env";
import { sealReplyConfig } from "@/lib/integrations/seal-reply-config";

export type SeedRoute = {
  name?: string;
  match?: Record<string, unknown>;
  isFallback?: boolean;
  actionType?: string;
  toolName?: string;
  argumentsMapping?: string;
};

/**
 * A server (one endpoint, given tools) and an integration (GitHub unless `kind` says otherwise) routed to it, written straight to the database so
 * bridge tests do not depend on the integrations UI layer. `remove()` deletes both (deliveries cascade).
 */
export async function seedWebhookIntegration(options: {
  serverUrl: string;
  secret: string;
  kind?: IntegrationKind;
  verifyConfig?: Record<string, unknown>;
  reply?: { baseUrl: string; token: string; channelId?: string };
  mode?: "sync" | "async";
  retrySchedule?: number[];
  syncDeadlineMs?: number;
  enabled?: boolean;
  tools?: { name: string; annotations?: Record<string, boolean | undefined> }[];
  routes: SeedRoute[];
}) {
  const prisma = getPrisma();
  const tag = randomUUID().slice(0, 8);
  const server = await prisma.server.create({
    data: {
      slug: `wh-${tag}`,
      name: `webhook test ${tag}`,
      endpoints: { create: [{ url: options.serverUrl }] },
      tools: {
        create: (options.tools ?? []).map((tool) => ({
          name: tool.name,
          inputSchema: { type: "object" },
          annotations: tool.annotations as Prisma.InputJsonValue | undefined,
        })),
      },
    },
  });
  const integration = await prisma.integration.create({
    data: {
      slug: `${options.kind === undefined || options.kind === "github" ? "gh" : "wh"}-${tag}`,
      name: `${options.kind ?? "github"} ${tag}`,
      kind: options.kind ?? "github",
      verifyConfig: (options.verifyConfig ?? {}) as Prisma.InputJsonValue,
      replyConfig: options.reply ? sealReplyConfig(options.reply) : undefined,
      mode: options.mode ?? "sync",
      enabled: options.enabled ?? true,
      secretsEncrypted: encryptSecret(JSON.stringify([options.secret]), getEnv().ORBIT_ENCRYPTION_KEY),
      retrySchedule: options.retrySchedule,
      syncDeadlineMs: options.syncDeadlineMs,
      routes: {
        create: options.routes.map((route, position) => ({
          position,
          name: route.name ?? `route ${position}`,
          match: (route.match ?? {}) as Prisma.InputJsonValue,
          isFallback: route.isFallback ?? false,
          actionType: route.actionType ?? "call_tool",
          serverId: server.id,
          toolName: route.toolName,
          argumentsMapping: route.argumentsMapping,
        })),
      },
    },
  });
  return {
    server,
    integration,
    async remove() {
      await prisma.integration.delete({ where: { id: integration.id } });
      await prisma.server.delete({ where: { id: server.id } });
    },
  };
}
