import { isDeepStrictEqual } from "node:util";
import type { ConfigSettings } from "@/lib/config/config-schema";

export type ConfigChange = { path: string; before: unknown; after: unknown };

/** Field by field, in the schema's order: what a version changed ("circuit.openMs: 30000 → 60000"). */
export function diffConfig(before: ConfigSettings, after: ConfigSettings): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const [area, fields] of Object.entries(after) as [string, Record<string, unknown>][]) {
    const old = before[area as keyof ConfigSettings] as Record<string, unknown>;
    for (const [field, value] of Object.entries(fields)) {
      if (!isDeepStrictEqual(value, old[field])) {
        changes.push({ path: `${area}.${field}`, before: old[field], after: value });
      }
    }
  }
  return changes;
}
