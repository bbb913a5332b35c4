import { type Actor, assertRole } from "@/lib/auth/roles";
import type { ConfigOverrides } from "@/lib/config/config-schema";
import { type ConfigChange, diffConfig } from "@/lib/config/diff-config";
import { getConfigStore } from "@/lib/config/get-config-store";
import { resolveConfig } from "@/lib/config/resolve-config";
import { getPrisma } from "@/lib/db/get-prisma";

export type ConfigVersionView = {
  version: number;
  actorLabel: string;
  message: string | null;
  restoredFrom: number | null;
  createdAt: Date;
  /** Against the version before it (the environment's defaults for the first). */
  changes: ConfigChange[];
};

/** The newest versions first, each with its diff against the one before; every role may read them. */
export async function listConfigVersions(options: {
  actor: Actor;
  limit?: number;
}): Promise<ConfigVersionView[]> {
  assertRole(options.actor, "viewer");
  const limit = options.limit ?? 50;
  // One more than shown, so the oldest shown still has a predecessor to diff against.
  const rows = await getPrisma().configVersion.findMany({
    orderBy: { version: "desc" },
    take: limit + 1,
  });
  const defaults = getConfigStore().defaults();
  return rows.slice(0, limit).map((row, index) => {
    const previous = rows[index + 1];
    const before = previous ? (previous.settings as ConfigOverrides) : {};
    return {
      version: row.version,
      actorLabel: row.actorLabel,
      message: row.message,
      restoredFrom: row.restoredFrom,
      createdAt: row.createdAt,
      changes: diffConfig(
        resolveConfig(defaults, before),
        resolveConfig(defaults, row.settings as ConfigOverrides),
      ),
    };
  });
}
