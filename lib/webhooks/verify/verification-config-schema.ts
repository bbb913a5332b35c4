import { z } from "zod";

// How an integration proves its webhooks are genuine. Secrets sit beside the per-kind options (they are stored
// encrypted and decrypted just before verifying); two are allowed so a secret can be rotated without dropping
// deliveries: add the new one, update the sender, remove the old one.

const secretsSchema = z.array(z.string().min(1, "A secret cannot be empty.")).min(1).max(2);

// Header names are HTTP tokens; Headers.get throws on anything else. Every config below uses prefault, not default,
// so an omitted config still runs through the inner defaults.
const headerNameSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Not a valid HTTP header name.")
  .transform((name) => name.toLowerCase());

const jsonPathSchema = z.string().regex(/^[^.]+(\.[^.]+)*$/, "Use a dotted path such as message.messageId.");

const secretHeaderOptions = {
  mode: z.enum(["header", "hmac"]).default("header"),
  /** Defaults to x-orbit-secret in "header" mode and x-orbit-signature in "hmac" mode. */
  header: headerNameSchema.optional(),
};

export const verificationConfigSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("github"),
    secrets: secretsSchema,
    config: z.object({}).strict().prefault({}),
  }),
  z.object({
    kind: z.literal("standard-webhooks"),
    secrets: z
      .array(z.string().regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "Expected whsec_ followed by base64."))
      .min(1)
      .max(2),
    config: z.object({}).strict().prefault({}),
  }),
  z.object({
    kind: z.literal("respondio"),
    secrets: secretsSchema,
    config: z
      .object({
        signatureHeader: headerNameSchema.default("x-webhook-signature"),
        deliveryIdPath: jsonPathSchema.default("message.messageId"),
        eventTypePath: jsonPathSchema.default("event_type"),
      })
      .strict()
      .prefault({}),
  }),
  z.object({
    kind: z.literal("builderio"),
    secrets: secretsSchema,
    config: z.object(secretHeaderOptions).strict().prefault({}),
  }),
  z.object({
    kind: z.literal("generic"),
    secrets: secretsSchema,
    config: z
      .object({
        ...secretHeaderOptions,
        deliveryIdHeader: headerNameSchema.optional(),
        eventTypeHeader: headerNameSchema.optional(),
        eventTypePath: jsonPathSchema.optional(),
      })
      .strict()
      .prefault({}),
  }),
]);

export type VerificationConfig = z.infer<typeof verificationConfigSchema>;
export type VerificationConfigInput = z.input<typeof verificationConfigSchema>;
export type WebhookKind = VerificationConfig["kind"];
export type KindConfig<K extends WebhookKind> = Extract<VerificationConfig, { kind: K }>["config"];
