import { CONFIG_CHANGED_TOPIC } from "@/lib/config/create-config-store";
import { getPrisma } from "@/lib/db/get-prisma";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { getRedis } from "@/lib/redis/get-redis";
import { log } from "@/lib/telemetry/log";
import { publishLiveEvent } from "./publish-live-event";

const globalForBridge = globalThis as typeof globalThis & { orbitConfigBridge?: Set<number> };

/**
 * Copies configuration changes (lib/config's `{ version }` on the fan-out) into the live log, with who made them.
 * Started by the first live-log stream a process serves, so it costs nothing where nobody watches. Every instance
 * with a viewer hears the same publication; a short-lived Redis key per version lets exactly one of them record it.
 */
export function bridgeConfigChanges(): void {
  if (globalForBridge.orbitConfigBridge) return;
  const seen = new Set<number>();
  globalForBridge.orbitConfigBridge = seen;
  getEventFanout().subscribe(CONFIG_CHANGED_TOPIC, (data) => {
    recordOnce(data, seen).catch((error: unknown) =>
      log.warn("configuration change not added to the live log", { error: String(error) }),
    );
  });
}

async function recordOnce(data: unknown, seen: Set<number>): Promise<void> {
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version !== "number" || !Number.isInteger(version) || seen.has(version)) return;
  // This process's memory covers a repeat heard here; the Redis key covers the other instances.
  seen.add(version);
  if (seen.size > 100) seen.delete(seen.values().next().value as number);
  const redis = getRedis();
  if (redis && (await redis.set(`orbit:live:config:${version}`, "1", { nx: true, ex: 600 })) !== "OK") return;
  const row = await getPrisma().configVersion.findUnique({
    where: { version },
    select: { actorLabel: true, message: true, restoredFrom: true },
  });
  const what = row?.restoredFrom ? `rolled back to version ${row.restoredFrom}` : "saved";
  publishLiveEvent({
    kind: "config",
    level: "info",
    message: `Configuration version ${version} ${what}${row ? ` by ${row.actorLabel}` : ""}${row?.message ? `: ${row.message}` : ""}`,
    data: { version, actor: row?.actorLabel ?? null },
  });
}
