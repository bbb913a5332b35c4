import { z } from "zod";
import { parseCidr } from "@/lib/config/parse-cidr";

// Numbers arrive as text from the form and as numbers from files; an empty box is "missing", not 0.
const int = (min: number, max: number, unit: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ error: `Enter a number (${unit})` })
      .int(`Enter a whole number (${unit})`)
      .min(min, `At least ${min} ${unit}`)
      .max(max, `At most ${max} ${unit}`),
  );

const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*|[a-z0-9.:_-]+)$/, "Enter host names like example.com, or * for any");

const cidr = z
  .string()
  .trim()
  .refine((value) => parseCidr(value) !== null, "Enter an IP address or CIDR range like 203.0.113.0/24");

// Lists come from textareas (one per line or comma-separated) and from JSON files (arrays); both end as arrays.
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(/[\n,]/)
            .map((entry) => entry.trim())
            .filter(Boolean)
        : value,
    z.array(item).max(500, "At most 500 entries"),
  );

/**
 * Every hot setting, by area: the whole effective configuration. The environment gives each field its default
 * (defaultConfig); a saved version overrides some of them. Ranges match the environment's where both exist.
 */
export const configSchema = z
  .object({
    toolCalls: z.object({
      /** The deadline given to servers registered without one. */
      timeoutMs: int(1000, 120_000, "ms"),
      retries: int(0, 10, "retries"),
      backoffBaseMs: int(0, 60_000, "ms"),
      backoffMaxMs: int(0, 300_000, "ms"),
    }),
    cache: z.object({
      /** TTL for read-only tools without one of their own; 0 leaves them uncached (today's behaviour). */
      defaultTtlSeconds: int(0, 86_400, "seconds"),
    }),
    circuit: z.object({
      failureThreshold: int(1, 1000, "failures"),
      windowMs: int(1000, 3_600_000, "ms"),
      openMs: int(1000, 3_600_000, "ms"),
      halfOpenMaxCalls: int(1, 100, "calls"),
    }),
    rateLimits: z.object({
      loginAccount: int(1, 1_000_000, "per 15 minutes"),
      loginIp: int(1, 1_000_000, "per 15 minutes"),
      webhookIntegration: int(1, 10_000_000, "per minute"),
      webhookSourceIp: int(1, 10_000_000, "per minute"),
      gatewayKey: int(1, 10_000_000, "per minute"),
    }),
    webhooks: z.object({
      maxBodyBytes: int(1024, 25 * 1024 * 1024, "bytes"),
    }),
    access: z.object({
      /** Host names the MCP endpoints answer to (Host and Origin); "*" for any. */
      allowedHosts: list(hostName).refine((hosts) => hosts.length > 0, "Enter at least one host, or *"),
      /** When not empty, only these addresses reach webhooks and the MCP/REST endpoints. */
      ipAllow: list(cidr),
      /** Always refused, even when also allowed. */
      ipDeny: list(cidr),
    }),
  })
  .superRefine((settings, ctx) => {
    if (settings.toolCalls.backoffMaxMs < settings.toolCalls.backoffBaseMs) {
      ctx.addIssue({
        code: "custom",
        path: ["toolCalls", "backoffMaxMs"],
        message: "At least the base backoff",
      });
    }
  });

export type ConfigSettings = z.output<typeof configSchema>;
export type ConfigArea = keyof ConfigSettings;

/** What a version stores: only the fields that differ from the environment's defaults. */
export const configOverridesSchema = z.object({
  toolCalls: configSchema.shape.toolCalls.partial().optional(),
  cache: configSchema.shape.cache.partial().optional(),
  circuit: configSchema.shape.circuit.partial().optional(),
  rateLimits: configSchema.shape.rateLimits.partial().optional(),
  webhooks: configSchema.shape.webhooks.partial().optional(),
  access: configSchema.shape.access.partial().optional(),
});

export type ConfigOverrides = z.output<typeof configOverridesSchema>;
