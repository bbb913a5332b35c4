import { z } from "zod";

/** An operator's overrides of one tool, as the tool page's form sends them. */
export const toolOverridesSchema = z.object({
  toolId: z.string().min(1),
  enabled: z.boolean(),
  // Empty means "show the upstream's description".
  descriptionOverride: z
    .string()
    .trim()
    .max(4000, "At most 4000 characters.")
    .transform((value) => (value === "" ? null : value))
    .nullable(),
  // Empty or 0 means "never cached"; only read-only tools are ever cached, whatever the TTL.
  cacheTtlSeconds: z
    .number()
    .int("Whole seconds.")
    .min(0, "Zero or more.")
    .max(86_400, "At most one day (86400).")
    .nullable()
    .transform((value) => (value ? value : null)),
  // null: follow the tool's hints (the same as "safe").
  retryOverride: z.enum(["never", "safe", "always"]).nullable(),
});

export type ToolOverridesInput = z.input<typeof toolOverridesSchema>;
export type ToolOverridesValues = z.output<typeof toolOverridesSchema>;
