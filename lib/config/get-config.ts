import type { EffectiveConfig } from "@/lib/config/create-config-store";
import { getConfigStore } from "@/lib/config/get-config-store";

/**
 * The configuration in force on this instance (lib/config/create-config-store.ts): an in-process copy, refreshed
 * within seconds of a save on any instance; only the first call of a process reads the database.
 */
export function getConfig(): Promise<EffectiveConfig> {
  return getConfigStore().get();
}
