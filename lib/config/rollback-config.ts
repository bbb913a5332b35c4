import { type Actor, assertRole } from "@/lib/auth/roles";
import { configOverridesSchema } from "@/lib/config/config-schema";
import { writeConfigVersion } from "@/lib/config/write-config-version";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";

/** Rolls back to an old version by saving a new one equal to it: history only grows, so a rollback can be undone. */
export async function rollbackConfig(options: {
  actor: Actor;
  version: number;
  ip?: string;
}): Promise<{ version: number; changes: number }> {
  assertRole(options.actor, "admin");
  const old = await getPrisma().configVersion.findUnique({
    where: { version: options.version },
    select: { settings: true },
  });
  if (!old) throw new AppError("not_found", `There is no configuration version ${options.version}.`);
  return writeConfigVersion({
    actor: options.actor,
    overrides: configOverridesSchema.parse(old.settings),
    action: "config.rollback",
    message: `Rollback to version ${options.version}`,
    restoredFrom: options.version,
    ip: options.ip,
  });
}
