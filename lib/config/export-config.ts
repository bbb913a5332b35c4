import { type Actor, assertRole } from "@/lib/auth/roles";
import type { ConfigSettings } from "@/lib/config/config-schema";
import { getConfigStore } from "@/lib/config/get-config-store";

export type ConfigExport = { version: number; settings: ConfigSettings };

/** The configuration in force, every field spelled out (defaults included), as `orbit config import` takes it. */
export async function exportConfig(options: { actor: Actor }): Promise<ConfigExport> {
  assertRole(options.actor, "viewer");
  const { version, settings } = await getConfigStore().refresh();
  return { version, settings };
}
