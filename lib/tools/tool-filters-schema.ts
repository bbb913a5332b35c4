import { z } from "zod";

export const toolAnnotationHints = [
  "readOnlyHint",
  "destructiveHint",
  "idempotentHint",
  "openWorldHint",
] as const;

/** The /tools page's filters, read from its search params; anything malformed reads as "no filter". */
export const toolFiltersSchema = z.object({
  server: z.string().trim().max(100).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  enabled: z.enum(["yes", "no"]).optional().catch(undefined),
  hint: z.enum(toolAnnotationHints).optional().catch(undefined),
  deleted: z.enum(["hide", "only", "all"]).default("hide").catch("hide"),
});

export type ToolFilters = z.output<typeof toolFiltersSchema>;
