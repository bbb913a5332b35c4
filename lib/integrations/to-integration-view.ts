import type { Prisma } from "@/lib/db/generated/client";
import type { IntegrationKindName } from "./integration-input-schema";
import { fromStoredKind } from "./integration-kind";
import { openSecrets } from "./open-secrets";
import { asStoredReplyConfig } from "./seal-reply-config";

export type RouteView = {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  isFallback: boolean;
  match: Record<string, unknown>;
  actionType: "call_tool" | "start_job";
  serverId: string | null;
  serverName: string | null;
  toolName: string | null;
  argumentsMapping: string | null;
  fallbackServerId: string | null;
  fallbackServerName: string | null;
  /** The playbook or the agent (one of them) a "start_job" route runs. */
  playbook: string | null;
  agent: string | null;
};

export type IntegrationView = {
  id: string;
  slug: string;
  name: string;
  kind: IntegrationKindName;
  mode: "sync" | "async";
  enabled: boolean;
  /** Relative; the page that shows it prefixes the origin it was reached on. */
  webhookPath: string;
  /** How many secrets are active (2 while rotating). The values never leave the data layer. */
  secretCount: number;
  verifyConfig: Record<string, unknown>;
  syncDeadlineMs: number;
  retrySchedule: number[];
  reply: { baseUrl: string; channelId: string | null; tokenSet: true } | null;
  routes: RouteView[];
  createdAt: Date;
  updatedAt: Date;
};

const serverName = { select: { id: true, name: true } } as const;

/** Pass as `include` to any integration query whose result goes through toIntegrationView. */
export const integrationViewInclude = {
  routes: {
    orderBy: { position: "asc" },
    include: { server: serverName, fallbackServer: serverName },
  },
} satisfies Prisma.IntegrationInclude;

type IntegrationRecord = Prisma.IntegrationGetPayload<{ include: typeof integrationViewInclude }>;

/** The shape of an integration that may leave the data layer: never secrets, tokens or their envelopes. */
export function toIntegrationView(integration: IntegrationRecord): IntegrationView {
  const reply = asStoredReplyConfig(integration.replyConfig);
  return {
    id: integration.id,
    slug: integration.slug,
    name: integration.name,
    kind: fromStoredKind(integration.kind),
    mode: integration.mode,
    enabled: integration.enabled,
    webhookPath: webhookPath(integration.slug),
    secretCount: openSecrets(integration.secretsEncrypted).length,
    verifyConfig: (integration.verifyConfig as Record<string, unknown> | null) ?? {},
    syncDeadlineMs: integration.syncDeadlineMs,
    retrySchedule: integration.retrySchedule,
    reply: reply ? { baseUrl: reply.baseUrl, channelId: reply.channelId ?? null, tokenSet: true } : null,
    routes: integration.routes.map((route) => ({
      id: route.id,
      position: route.position,
      name: route.name,
      enabled: route.enabled,
      isFallback: route.isFallback,
      match: (route.match as Record<string, unknown> | null) ?? {},
      actionType: route.actionType === "start_job" ? "start_job" : "call_tool",
      serverId: route.serverId,
      serverName: route.server?.name ?? null,
      toolName: route.toolName,
      argumentsMapping: route.argumentsMapping,
      fallbackServerId: route.fallbackServerId,
      fallbackServerName: route.fallbackServer?.name ?? null,
      playbook: readJobTarget(route.jobConfig, "playbook"),
      agent: readJobTarget(route.jobConfig, "agent"),
    })),
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  };
}

export function webhookPath(slug: string): string {
  return `/api/webhooks/${slug}`;
}

function readJobTarget(jobConfig: Prisma.JsonValue, key: "playbook" | "agent"): string | null {
  const value = (jobConfig as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
}
