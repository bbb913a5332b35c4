import type { EffectiveConfig } from "@/lib/config/create-config-store";
import { getConfigStore } from "@/lib/config/get-config-store";

/** getConfig for synchronous code: the in-process copy, or the environment's defaults until the first load is done. */
export function peekConfig(): EffectiveConfig {
  return getConfigStore().peek();
}
