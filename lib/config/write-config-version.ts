import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/roles";
import { actorLabel } from "@/lib/auth/roles";
import type { ConfigOverrides } from "@/lib/config/config-schema";
import { CONFIG_CHANGED_TOPIC } from "@/lib/config/create-config-store";
import { diffConfig } from "@/lib/config/diff-config";
import { getConfigStore } from "@/lib/config/get-config-store";
import { resolveConfig } from "@/lib/config/resolve-config";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { log } from "@/lib/telemetry/log";

/**
 * Appends a version (the one way configuration changes: saves, rollbacks and imports) and its audit entry in one
 * transaction, then tells every instance. `baseVersion`, when given, is the version the editor saw: a save on top
 * of someone else's newer one is refused (409) rather than silently undoing it.
 */
export async function writeConfigVersion(options: {
  actor: Actor;
  overrides: ConfigOverrides;
  action: "config.save" | "config.rollback" | "config.import";
  message?: string | null;
  restoredFrom?: number;
  baseVersion?: number;
  ip?: string;
}): Promise<{ version: number; changes: number }> {
  const { actor, overrides, action } = options;
  const store = getConfigStore();
  const defaults = store.defaults();
  let written: { version: number; changes: number };
  try {
    written = await getPrisma().$transaction(async (tx) => {
      const previous = await tx.configVersion.findFirst({
        orderBy: { version: "desc" },
        select: { version: true, settings: true },
      });
      const latest = previous?.version ?? 0;
      if (options.baseVersion !== undefined && options.baseVersion !== latest) {
        throw new AppError(
          "conflict",
          `The configuration changed since you opened it (now version ${latest}); reload and apply your edits again.`,
        );
      }
      const version = latest + 1;
      const changes = diffConfig(
        resolveConfig(defaults, (previous?.settings ?? {}) as ConfigOverrides),
        resolveConfig(defaults, overrides),
      );
      await tx.configVersion.create({
        data: {
          version,
          settings: overrides as Prisma.InputJsonValue,
          actorId: actor.kind === "user" ? actor.id : null,
          actorLabel: actorLabel(actor),
          message: options.message?.trim() || null,
          restoredFrom: options.restoredFrom ?? null,
        },
      });
      await recordAudit(tx, {
        actor,
        action,
        targetType: "config",
        targetId: String(version),
        details: {
          version,
          message: options.message?.trim() || null,
          restoredFrom: options.restoredFrom ?? null,
          changes: changes as unknown as Prisma.InputJsonValue,
        },
        ip: options.ip,
      });
      return { version, changes: changes.length };
    });
  } catch (error) {
    // Two saves racing for the same number: the loser hears it like any other stale save.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError(
        "conflict",
        "Someone saved the configuration at the same moment; reload and try again.",
      );
    }
    throw error;
  }
  // This instance applies it with the next request; the others hear it through the fan-out (or their version check).
  await store
    .refresh()
    .catch((error: unknown) => log.warn("configuration reload failed", { error: String(error) }));
  await getEventFanout()
    .publish(CONFIG_CHANGED_TOPIC, { version: written.version })
    .catch((error: unknown) => log.warn("configuration change not broadcast", { error: String(error) }));
  return written;
}
