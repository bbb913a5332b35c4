import { createHash } from "node:crypto";

/**
 * The response-cache key of one call: sha256 of the server slug, the tool name and the arguments as canonical JSON
 * (object keys sorted at every depth), so `{a:1,b:2}` and `{b:2,a:1}` share an answer.
 */
export function buildCacheKey(slug: string, tool: string, args: Record<string, unknown>): string {
  return createHash("sha256")
    .update(JSON.stringify([slug, tool, canonical(args)]))
    .digest("hex");
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
