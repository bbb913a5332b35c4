import { z } from "zod";

// Scopes a key can hold. The gateway issue gives them teeth; they are validated from day one so keys created now
// keep meaning the same thing later.
//   mcp            every server the gateway exposes
//   server:<slug>  one server (passthrough and federated)
//   metrics        GET /api/metrics
//   admin          the admin REST API
//   jobs           start, read and cancel jobs (/api/v1/jobs)
export const apiKeyScope = z
  .string()
  .trim()
  .regex(
    /^(mcp|metrics|admin|jobs|server:[a-z0-9][a-z0-9-]{0,47})$/,
    "Unknown scope (use mcp, metrics, admin, jobs or server:<slug>)",
  );

// `<server-slug>/<tool>`: the server is a slug or `*` (any server), and `*` in the tool part matches any run of
// characters (`everything/*`, `github/get_*`, `*/delete_*`). Tool names may contain `/`, slugs may not, so the
// first `/` always splits the two.
export const toolPattern = z
  .string()
  .trim()
  .regex(
    /^([a-z0-9][a-z0-9-]{0,47}|\*)\/\S{1,128}$/,
    "Use <server-slug>/<tool>, with * as a wildcard (everything/echo, everything/*, */delete_*)",
  );

const toolPatterns = z
  .array(toolPattern)
  .max(200, "At most 200 patterns")
  .default([])
  .transform((patterns) => [...new Set(patterns)]);

export const createApiKeyInput = z
  .object({
    name: z.string().trim().min(1, "Give the key a name").max(100),
    scopes: z.array(apiKeyScope).min(1, "Give the key at least one scope").max(50),
    allowedTools: toolPatterns,
    deniedTools: toolPatterns,
    expiresAt: z.coerce
      .date()
      .refine((d) => d.getTime() > Date.now(), "Expiry must be in the future")
      .optional(),
  })
  .superRefine((input, ctx) => {
    // An allow pattern for a server the scopes do not give can never match anything; it is almost certainly a
    // mistake (a forgotten server:<slug> scope), so say so instead of storing a key that silently sees less.
    if (input.scopes.includes("mcp")) return;
    input.allowedTools.forEach((pattern, index) => {
      const server = pattern.slice(0, pattern.indexOf("/"));
      if (server !== "*" && !input.scopes.includes(`server:${server}`)) {
        ctx.addIssue({
          code: "custom",
          path: ["allowedTools", index],
          message: `"${pattern}" names the server ${server}, which the scopes do not include (add server:${server} or mcp)`,
        });
      }
    });
  });
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;
