/** What the upstream says a tool is; changes only with a refresh. */
export type ToolDefinition = {
  title: string | null;
  description: string | null;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: unknown;
};

export type ToolRetryPolicy = "never" | "safe" | "always";

/** What an operator decided about a tool; changes only through lib/tools. */
export type ToolOverrides = {
  enabled: boolean;
  descriptionOverride: string | null;
  cacheTtlSeconds: number | null;
  retryOverride: ToolRetryPolicy | null;
};

/** Everything a ToolVersion records, and what its diff compares. */
export type ToolState = { definition: ToolDefinition; overrides: ToolOverrides; deleted: boolean };

type ToolRow = ToolDefinition & {
  enabled: boolean;
  descriptionOverride: string | null;
  cacheTtlSeconds: number | null;
  retryOverride: string | null;
  deletedAt: Date | null;
};

const retryPolicies = new Set(["never", "safe", "always"]);

/** A stored Tool row as the state its versions record. */
export function toToolState(row: ToolRow): ToolState {
  return {
    definition: {
      title: row.title,
      description: row.description,
      inputSchema: row.inputSchema,
      outputSchema: row.outputSchema ?? null,
      annotations: row.annotations ?? null,
    },
    overrides: {
      enabled: row.enabled,
      descriptionOverride: row.descriptionOverride,
      cacheTtlSeconds: row.cacheTtlSeconds,
      retryOverride:
        row.retryOverride && retryPolicies.has(row.retryOverride)
          ? (row.retryOverride as ToolRetryPolicy)
          : null,
    },
    deleted: row.deletedAt !== null,
  };
}
