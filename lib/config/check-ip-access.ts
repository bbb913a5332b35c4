import type { EffectiveConfig } from "@/lib/config/create-config-store";
import { AppError } from "@/lib/errors/app-error";

/** Throws `forbidden` (403) when the configured IP allow/deny lists refuse this client address. */
export function checkIpAccess(config: EffectiveConfig, ip: string): void {
  if (!config.ipAccess.allows(ip)) {
    throw new AppError("forbidden", "Requests from this address are not allowed.");
  }
}
