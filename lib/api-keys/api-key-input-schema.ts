import { z } from "zod";

// Scopes a key can hold. The gateway issue gives them teeth; they are validated from day one so keys created now
// keep meaning the same thing later.
//   mcp            every server the gateway exposes
//   server:<slug>  one server (passthrough and federated)
//   metrics        GET /api/metrics
//   admin          the admin REST API
export const apiKeyScope = z
  .string()
  .trim()
  .regex(
    /^(mcp|metrics|admin|server:[a-z0-9][a-z0-9-]{0,47})$/,
    "Unknown scope (use mcp, metrics, admin or server:<slug>)",
  );

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100),
  scopes: z.array(apiKeyScope).min(1, "Give the key at least one scope").max(50),
  expiresAt: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), "Expiry must be in the future")
    .optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;
