import { z } from "zod";

export const serverTransports = ["streamable_http", "sse"] as const;

// Slugs name servers in URLs (/api/mcp/{slug}) and in federated tool names, so they stay plain and stable.
const slugPattern = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const slugMessage =
  "Use 2–48 lowercase letters, digits and dashes, starting and ending with a letter or digit";
export const slugSchema = z
  .string()
  .trim()
  .min(2, slugMessage)
  .max(48, slugMessage)
  .regex(slugPattern, slugMessage);

// Aliases prefix the server's names on the federated endpoint (`<alias>__<tool>`), which clients store, so they only
// change when an operator says so. A slug is always a valid alias; underscores are allowed too, which is how two
// servers can come to claim one federated name (alias "a" + tool "b__c" and alias "a__b" + tool "c"): such names are
// reported by listFederatedCollisions, never renamed.
const aliasMessage =
  "Use 1–48 lowercase letters, digits, dashes and underscores, starting and ending with a letter or digit";
export const aliasSchema = z
  .string()
  .trim()
  .min(1, aliasMessage)
  .max(48, aliasMessage)
  .regex(/^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/, aliasMessage);

/** "GitHub (prod) – EU" → "github-prod-eu". Empty when nothing usable is left. */
export function deriveSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}

const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: "Use an http:// or https:// URL" }))
    .superRefine((url, ctx) => {
      // The URL is stored and shown in clear; credentials belong in an (encrypted) header.
      // Refinements run even when the URL check above failed; that one already explained the problem.
      const parsed = URL.canParse(url) ? new URL(url) : undefined;
      if (parsed && (parsed.username || parsed.password)) {
        ctx.addIssue({ code: "custom", message: "Put credentials in a header, not in the URL" });
      }
    })
    // Normalised so that "HTTP://Host:80/mcp" and "http://host/mcp" count as the same endpoint.
    .transform((url) => new URL(url).href),
  weight: z.number().int().min(1, "Weight is 1–100").max(100, "Weight is 1–100").default(1),
});

const endpointsSchema = z
  .array(endpointSchema)
  .min(1, "Add at least one endpoint URL")
  .max(10, "At most 10 endpoints")
  .superRefine((endpoints, ctx) => {
    const seen = new Set<string>();
    endpoints.forEach((endpoint, index) => {
      if (seen.has(endpoint.url)) {
        ctx.addIssue({ code: "custom", path: [index, "url"], message: "This URL is listed twice" });
      }
      seen.add(endpoint.url);
    });
  });

// Headers the transports set themselves; letting a stored header override them would break the protocol.
const reservedHeaders = new Set([
  "accept",
  "connection",
  "content-length",
  "content-type",
  "host",
  "last-event-id",
  "mcp-protocol-version",
  "mcp-session-id",
  "transfer-encoding",
]);

const headerNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a header name")
  .max(100, "Header names are at most 100 characters")
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Header names use letters, digits and - only")
  .refine((name) => !reservedHeaders.has(name.toLowerCase()), {
    error: (issue) => `${String(issue.input)} is set by Orbit itself`,
  });

const headerValueSchema = z
  .string()
  .trim()
  .max(8192, "Header values are at most 8192 characters")
  .refine((value) => !/[\r\n\0]/.test(value), "Header values cannot contain line breaks")
  // fetch only sends byte strings; anything else would fail at connect time with a far less helpful message.
  .refine(
    (value) => /^[\t\x20-\x7e]*$/.test(value.replace(/[\r\n\0]/g, "")),
    "Header values use plain ASCII only",
  );

function uniqueHeaderNames<T extends { name: string }>(headers: T[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    const key = header.name.toLowerCase();
    if (seen.has(key))
      ctx.addIssue({ code: "custom", path: [index, "name"], message: "This header is listed twice" });
    seen.add(key);
  });
}

const tagsSchema = z
  .array(z.string().trim().min(1, "Tags cannot be empty").max(32, "Tags are at most 32 characters"))
  .max(20, "At most 20 tags")
  .transform((tags) => [...new Set(tags)]);

const timeoutSchema = z
  .number()
  .int()
  .min(1000, "The timeout is 1000–120000 ms")
  .max(120_000, "The timeout is 1000–120000 ms");

// What it takes to reach a server; shared by registration and "test before saving".
const connectionFields = {
  transport: z.enum(serverTransports).default("streamable_http"),
  endpoints: endpointsSchema,
  headers: z
    .array(z.object({ name: headerNameSchema, value: headerValueSchema.min(1, "Enter a value") }))
    .max(50, "At most 50 headers")
    .superRefine(uniqueHeaderNames)
    .default([]),
  timeoutMs: timeoutSchema.default(30_000),
};

/** A server being filled in and not saved yet: only what is needed to connect. Other fields are ignored. */
export const draftServerInput = z.object(connectionFields);
export type DraftServerInput = z.input<typeof draftServerInput>;

export const createServerInput = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(100, "Names are at most 100 characters"),
    /** Derived from the name when absent or empty. */
    slug: z.union([z.literal(""), slugSchema]).optional(),
    /** The federated-name prefix; the slug when absent or empty. */
    alias: z.union([z.literal(""), aliasSchema]).optional(),
    ...connectionFields,
    enabled: z.boolean().default(true),
    tags: tagsSchema.default([]),
  })
  .transform((input, ctx) => {
    const slug = input.slug || deriveSlug(input.name);
    if (!slugPattern.test(slug) || slug.length < 2) {
      ctx.issues.push({
        code: "custom",
        path: ["slug"],
        message: `Enter a slug. ${slugMessage}`,
        input: input.slug,
      });
      return z.NEVER;
    }
    return { ...input, slug, alias: input.alias || slug };
  });
export type CreateServerInput = z.input<typeof createServerInput>;
export type ParsedCreateServerInput = z.output<typeof createServerInput>;

/**
 * Edits are patches: a field left out keeps its value. Headers are a patch too, row by row, so an edit form can
 * show stored header names with blank values: a blank value keeps the stored one, `remove: true` deletes the
 * header, a value sets it, and headers not listed stay as they are.
 */
export const updateServerInput = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "Names are at most 100 characters").optional(),
  slug: slugSchema.optional(),
  /** Changing it renames every federated tool and prompt of the server: only ever on an explicit request. */
  alias: aliasSchema.optional(),
  transport: z.enum(serverTransports).optional(),
  endpoints: endpointsSchema.optional(),
  headers: z
    .array(
      z.object({
        name: headerNameSchema,
        value: headerValueSchema.default(""),
        remove: z.boolean().optional(),
      }),
    )
    .max(50, "At most 50 headers")
    .superRefine(uniqueHeaderNames)
    .optional(),
  timeoutMs: timeoutSchema.optional(),
  enabled: z.boolean().optional(),
  tags: tagsSchema.optional(),
});
export type UpdateServerInput = z.input<typeof updateServerInput>;
export type ParsedUpdateServerInput = z.output<typeof updateServerInput>;
export type HeaderChange = NonNullable<ParsedUpdateServerInput["headers"]>[number];
