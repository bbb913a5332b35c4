import jsonata from "jsonata";
import { z } from "zod";
import { deriveSlug, slugSchema } from "@/lib/servers/server-input-schema";
import { routeMatchSchema } from "@/lib/webhooks/routing/route-match-schema";
import { verificationConfigSchema } from "@/lib/webhooks/verify/verification-config-schema";

export const integrationKinds = ["github", "standard-webhooks", "respondio", "builderio", "generic"] as const;
export type IntegrationKindName = (typeof integrationKinds)[number];
export const integrationModes = ["sync", "async"] as const;
export const routeActionTypes = ["call_tool", "start_job"] as const;
export const defaultRetrySchedule = [0, 5, 30, 120, 600, 1800];

const nameSchema = z.string().trim().min(1, "Enter a name").max(100, "Names are at most 100 characters");

// The Prisma enum spells it standard_webhooks; accept that too so a stored row can be fed back in.
const kindSchema = z
  .enum([...integrationKinds, "standard_webhooks"], {
    error: "Choose a kind: github, standard-webhooks, respondio, builderio or generic",
  })
  .transform((kind): IntegrationKindName => (kind === "standard_webhooks" ? "standard-webhooks" : kind));

const syncDeadlineSchema = z
  .number()
  .int("Use whole milliseconds")
  .min(500, "The sync deadline is 500–30000 ms")
  .max(30_000, "The sync deadline is 500–30000 ms");

const retryScheduleSchema = z
  .array(
    z
      .number()
      .int("Use whole seconds")
      .min(0, "Each retry delay is 0–86400 seconds")
      .max(86_400, "Each retry delay is 0–86400 seconds"),
  )
  .min(1, "Give at least one attempt")
  .max(10, "At most 10 attempts");

const secretValue = z
  .string()
  .trim()
  .min(1, "A secret cannot be empty.")
  .max(1000, "Secrets are at most 1000 characters");

const verifyConfigSchema = z.record(z.string(), z.unknown());

const httpUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: "Use an http:// or https:// URL" }))
  .transform((url) => url.replace(/\/+$/, ""));

const channelIdSchema = z
  .string()
  .trim()
  .max(100, "Channel ids are at most 100 characters")
  .nullish()
  .transform((id) => id || undefined);

const argumentsMappingSchema = z
  .string()
  .nullish()
  .transform((expression) => expression?.trim() || "{}")
  .pipe(
    z
      .string()
      .max(10_000, "Mappings are at most 10000 characters")
      .superRefine((expression, ctx) => {
        try {
          jsonata(expression);
        } catch (error) {
          ctx.addIssue({
            code: "custom",
            message: `Not a valid JSONata expression: ${(error as Error).message}`,
          });
        }
      }),
  );

// Forms send "" for an empty optional id.
const optionalId = z
  .string()
  .nullish()
  .transform((id) => id?.trim() || undefined);

export const routeInput = z.object({
  /** A stored route's id: an edit that keeps it keeps the route's identity, so deliveries still name it. */
  id: optionalId,
  name: z.string().trim().min(1, "Enter a route name").max(100, "Route names are at most 100 characters"),
  enabled: z.boolean().default(true),
  isFallback: z.boolean().default(false),
  match: routeMatchSchema.default({}),
  actionType: z.enum(routeActionTypes).default("call_tool"),
  /** Required for "call_tool" (checked with the route list); a "start_job" route's job picks its own tools. */
  serverId: optionalId,
  toolName: z
    .string()
    .trim()
    .max(200, "Tool names are at most 200 characters")
    .nullish()
    .transform((name) => name || undefined),
  /** JSONata over the payload that yields the tool's arguments; "{}" when left empty. */
  argumentsMapping: argumentsMappingSchema,
  fallbackServerId: optionalId,
  /** For "start_job", exactly one of these: the playbook or agent (slug or id) run with the delivery's payload. */
  playbook: z
    .string()
    .trim()
    .max(100, "Playbook slugs are at most 100 characters")
    .nullish()
    .transform((playbook) => playbook || undefined),
  agent: z
    .string()
    .trim()
    .max(100, "Agent slugs are at most 100 characters")
    .nullish()
    .transform((agent) => agent || undefined),
});
export type RouteInput = z.input<typeof routeInput>;
export type ParsedRouteInput = z.output<typeof routeInput>;

const routesSchema = z
  .array(routeInput)
  .max(50, "At most 50 routes")
  .superRefine((routes, ctx) => {
    const names = new Set<string>();
    let fallbackSeen = false;
    routes.forEach((route, index) => {
      const key = route.name.toLowerCase();
      if (names.has(key))
        ctx.addIssue({ code: "custom", path: [index, "name"], message: "Another route has this name" });
      names.add(key);
      if (route.isFallback && fallbackSeen) {
        ctx.addIssue({
          code: "custom",
          path: [index, "isFallback"],
          message: "Only one route can be the fallback",
        });
      }
      fallbackSeen ||= route.isFallback;
      for (const issue of routeActionIssues(route)) {
        ctx.addIssue({ code: "custom", path: [index, issue.field], message: issue.message });
      }
      if (route.fallbackServerId && route.fallbackServerId === route.serverId) {
        ctx.addIssue({
          code: "custom",
          path: [index, "fallbackServerId"],
          message: "The fallback server must differ from the server",
        });
      }
    });
  });

/**
 * What each action needs: a tool call names its server and tool; a job names exactly one of a playbook or an agent
 * (both would leave it unclear which runs). Fields the action does not use are ignored, not refused, so switching a
 * route's action in the editor keeps what was typed.
 */
function routeActionIssues(route: ParsedRouteInput): { field: string; message: string }[] {
  if (route.actionType === "call_tool") {
    return [
      ...(route.serverId ? [] : [{ field: "serverId", message: "Choose a server" }]),
      ...(route.toolName ? [] : [{ field: "toolName", message: "Choose a tool" }]),
    ];
  }
  if (route.playbook && route.agent) {
    return [{ field: "agent", message: "Name a playbook or an agent, not both" }];
  }
  if (!route.playbook && !route.agent) {
    return [{ field: "playbook", message: "Name the playbook or agent this route starts" }];
  }
  return [];
}

const createReplyConfig = z.object({
  baseUrl: httpUrl,
  token: z.string().trim().min(1, "Enter the API token"),
  channelId: channelIdSchema,
});

/** An edit's reply settings: a blank token keeps the stored one. */
const updateReplyConfig = z.object({
  baseUrl: httpUrl,
  token: z.string().trim().default(""),
  channelId: channelIdSchema,
});

/**
 * Runs the webhook verifier's own schema over kind + secrets + options, so what is saved is exactly what
 * verification accepts; its issues are moved onto this form's field names.
 */
export function checkVerification(
  candidate: { kind: IntegrationKindName; secrets: string[]; verifyConfig: Record<string, unknown> },
  ctx: { issues: z.core.$ZodRawIssue[] },
): Record<string, unknown> | undefined {
  const parsed = verificationConfigSchema.safeParse({
    kind: candidate.kind,
    secrets: candidate.secrets,
    config: candidate.verifyConfig,
  });
  if (parsed.success) return parsed.data.config as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    const [head, ...rest] = issue.path;
    const path =
      head === "secrets" ? ["secrets", ...rest] : head === "config" ? ["verifyConfig", ...rest] : ["kind"];
    ctx.issues.push({ code: "custom", path, message: issue.message, input: undefined });
  }
  return undefined;
}

function replyOnlyForRespondio(
  input: { kind?: IntegrationKindName; replyConfig?: unknown },
  ctx: { issues: z.core.$ZodRawIssue[] },
): void {
  if (input.replyConfig && input.kind !== undefined && input.kind !== "respondio") {
    ctx.issues.push({
      code: "custom",
      path: ["replyConfig"],
      message: "Replies are sent through Respond.io only; remove the reply settings for this kind",
      input: undefined,
    });
  }
}

export const createIntegrationInput = z
  .object({
    name: nameSchema,
    /** Derived from the name when absent or empty. */
    slug: z.union([z.literal(""), slugSchema]).optional(),
    kind: kindSchema,
    mode: z.enum(integrationModes).default("async"),
    enabled: z.boolean().default(true),
    secrets: z
      .array(secretValue)
      .min(1, "Add a secret")
      .max(2, "At most two secrets (two only while rotating)"),
    verifyConfig: verifyConfigSchema.default({}),
    syncDeadlineMs: syncDeadlineSchema.default(8000),
    retrySchedule: retryScheduleSchema.default(defaultRetrySchedule),
    replyConfig: createReplyConfig.nullish(),
    routes: routesSchema.default([]),
  })
  .transform((input, ctx) => {
    const slug = input.slug || deriveSlug(input.name);
    if (slug.length < 2 || !slugSchema.safeParse(slug).success) {
      ctx.issues.push({ code: "custom", path: ["slug"], message: "Enter a slug", input: input.slug });
    }
    const verifyConfig = checkVerification(input, ctx);
    replyOnlyForRespondio(input, ctx);
    if (!verifyConfig || ctx.issues.length > 0) return z.NEVER;
    return { ...input, slug, verifyConfig, replyConfig: input.replyConfig ?? null };
  });
export type CreateIntegrationInput = z.input<typeof createIntegrationInput>;
export type ParsedCreateIntegrationInput = z.output<typeof createIntegrationInput>;

/**
 * How an edit changes the stored secrets without ever showing them: `index` is a stored secret's position;
 * stored secrets not mentioned are kept; adds append. The result must hold one or two secrets.
 */
export const secretChange = z.discriminatedUnion("op", [
  z.object({ op: z.literal("keep"), index: z.number().int().min(0) }),
  z.object({ op: z.literal("remove"), index: z.number().int().min(0) }),
  z.object({ op: z.literal("replace"), index: z.number().int().min(0), value: secretValue }),
  z.object({ op: z.literal("add"), value: secretValue }),
]);
export type SecretChange = z.output<typeof secretChange>;

/** Edits are patches: a field left out keeps its value; `routes`, when given, replaces the whole list. */
export const updateIntegrationInput = z
  .object({
    name: nameSchema.optional(),
    slug: slugSchema.optional(),
    kind: kindSchema.optional(),
    mode: z.enum(integrationModes).optional(),
    enabled: z.boolean().optional(),
    secrets: z.array(secretChange).max(4, "At most four secret changes").optional(),
    verifyConfig: verifyConfigSchema.optional(),
    syncDeadlineMs: syncDeadlineSchema.optional(),
    retrySchedule: retryScheduleSchema.optional(),
    /** null removes the reply settings. */
    replyConfig: updateReplyConfig.nullable().optional(),
    routes: routesSchema.optional(),
  })
  .superRefine((input, ctx) => replyOnlyForRespondio(input, ctx));
export type UpdateIntegrationInput = z.input<typeof updateIntegrationInput>;
export type ParsedUpdateIntegrationInput = z.output<typeof updateIntegrationInput>;
