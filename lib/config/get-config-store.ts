import { type ConfigStore, createConfigStore } from "@/lib/config/create-config-store";
import { defaultConfig } from "@/lib/config/default-config";
import { getPrisma } from "@/lib/db/get-prisma";
import { getEnv } from "@/lib/env";
import { getEventFanout } from "@/lib/redis/get-event-fanout";

// On globalThis so Next.js dev reloads keep one copy and one watcher.
const globalForConfig = globalThis as typeof globalThis & { orbitConfigStore?: ConfigStore };

/** The process-wide configuration store over the ConfigVersion table and the live-event fan-out. */
export function getConfigStore(): ConfigStore {
  globalForConfig.orbitConfigStore ??= createConfigStore({
    defaults: () => defaultConfig(getEnv()),
    readLatest: async () => {
      const row = await getPrisma().configVersion.findFirst({
        orderBy: { version: "desc" },
        select: { version: true, settings: true },
      });
      return row;
    },
    readVersion: async () => {
      const { _max } = await getPrisma().configVersion.aggregate({ _max: { version: true } });
      return _max.version ?? 0;
    },
    fanout: getEventFanout(),
  });
  return globalForConfig.orbitConfigStore;
}
