import type { ToolCallTool, ToolRetryOverride } from "@/lib/tool-calls/tool-call-types";

const retryOverrides = new Set<string>(["never", "safe", "always"]);

/**
 * A registry tool row as callTool needs it: the hints that decide retries and caching, and the admin overrides. A
 * tool the registry has not listed (never refreshed) gets no hints, the cautious reading: never cached, retried only
 * when the request provably never left.
 */
export function toToolCallTool(
  name: string,
  stored:
    | { annotations: unknown; cacheTtlSeconds: number | null; retryOverride: string | null }
    | null
    | undefined,
): ToolCallTool {
  return {
    name,
    annotations: toAnnotations(stored?.annotations),
    cacheTtlSeconds: stored?.cacheTtlSeconds ?? null,
    retryOverride:
      stored?.retryOverride && retryOverrides.has(stored.retryOverride)
        ? (stored.retryOverride as ToolRetryOverride)
        : undefined,
  };
}

// Annotations are stored as the server sent them; only the three booleans decide anything, so only they pass.
function toAnnotations(value: unknown): ToolCallTool["annotations"] {
  if (!value || typeof value !== "object") return undefined;
  const raw = value as Record<string, unknown>;
  const pick = (key: string) => (typeof raw[key] === "boolean" ? (raw[key] as boolean) : undefined);
  return {
    readOnlyHint: pick("readOnlyHint"),
    idempotentHint: pick("idempotentHint"),
    destructiveHint: pick("destructiveHint"),
  };
}
