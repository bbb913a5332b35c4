import { isDeepStrictEqual } from "node:util";
import type { ConfigOverrides, ConfigSettings } from "@/lib/config/config-schema";

/** Only the fields that differ from the defaults: what a version stores, so unchanged fields follow the environment. */
export function toConfigOverrides(settings: ConfigSettings, defaults: ConfigSettings): ConfigOverrides {
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const [area, fields] of Object.entries(settings) as [string, Record<string, unknown>][]) {
    const base = defaults[area as keyof ConfigSettings] as Record<string, unknown>;
    for (const [field, value] of Object.entries(fields)) {
      if (isDeepStrictEqual(value, base[field])) continue;
      overrides[area] ??= {};
      overrides[area][field] = value;
    }
  }
  return overrides as ConfigOverrides;
}
