import type { ToolState } from "./tool-state";

/** One changed value: `path` like `definition.inputSchema.properties.message.type`. */
export type ToolChange = { path: string; before: unknown; after: unknown };

/**
 * What changed between two states of a tool, leaf by leaf through objects (arrays are compared whole: a reordered
 * `required` list is one change, not many). Key order never counts, since Postgres jsonb does not keep it.
 */
export function diffToolState(before: ToolState | null, after: ToolState): ToolChange[] {
  if (!before) return [];
  const changes: ToolChange[] = [];
  walk("", before, after, changes);
  return changes;
}

function walk(path: string, before: unknown, after: unknown, changes: ToolChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(path ? `${path}.${key}` : key, before[key], after[key], changes);
    return;
  }
  if (canonical(before) !== canonical(after)) {
    changes.push({ path, before: before ?? null, after: after ?? null });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
