import type { ConfigOverrides, ConfigSettings } from "@/lib/config/config-schema";

/** The effective settings: the defaults, with each overridden field replaced (areas merged field by field). */
export function resolveConfig(defaults: ConfigSettings, overrides: ConfigOverrides): ConfigSettings {
  const merged = structuredClone(defaults) as Record<string, Record<string, unknown>>;
  for (const [area, fields] of Object.entries(overrides)) {
    if (!fields || !merged[area]) continue;
    for (const [field, value] of Object.entries(fields)) {
      if (value !== undefined && field in merged[area]) merged[area][field] = value;
    }
  }
  return merged as ConfigSettings;
}
