import { type Actor, assertRole } from "@/lib/auth/roles";
import { configSchema } from "@/lib/config/config-schema";
import { getConfigStore } from "@/lib/config/get-config-store";
import { toConfigOverrides } from "@/lib/config/to-config-overrides";
import { writeConfigVersion } from "@/lib/config/write-config-version";
import { AppError } from "@/lib/errors/app-error";

/**
 * Saves a whole configuration (every area, as the settings form or an import gives it) as a new version. Invalid
 * input is refused as `unprocessable` with one message per field (`toolCalls.retries`, …). Only what differs from
 * the environment's defaults is stored. Admins only.
 */
export async function saveConfig(options: {
  actor: Actor;
  settings: unknown;
  message?: string | null;
  baseVersion?: number;
  action?: "config.save" | "config.import";
  ip?: string;
}): Promise<{ version: number; changes: number }> {
  assertRole(options.actor, "admin");
  const parsed = configSchema.safeParse(options.settings);
  if (!parsed.success) {
    throw new AppError("unprocessable", "The configuration is not valid.", {
      details: {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      },
    });
  }
  return writeConfigVersion({
    actor: options.actor,
    overrides: toConfigOverrides(parsed.data, getConfigStore().defaults()),
    action: options.action ?? "config.save",
    message: options.message,
    baseVersion: options.baseVersion,
    ip: options.ip,
  });
}
