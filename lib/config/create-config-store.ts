import type { ConfigOverrides, ConfigSettings } from "@/lib/config/config-schema";
import { configOverridesSchema } from "@/lib/config/config-schema";
import { createIpAccessRule, type IpAccessRule } from "@/lib/config/create-ip-access-rule";
import { resolveConfig } from "@/lib/config/resolve-config";
import { AppError } from "@/lib/errors/app-error";
import type { EventFanout } from "@/lib/redis/create-event-fanout";
import { log } from "@/lib/telemetry/log";

/** The configuration in force, with what requests check precomputed once per version rather than per request. */
export type EffectiveConfig = {
  /** 0 before any version was saved (the environment's defaults). */
  version: number;
  settings: ConfigSettings;
  overrides: ConfigOverrides;
  ipAccess: IpAccessRule;
  allowedHosts: ReadonlySet<string>;
};

export type StoredConfig = { version: number; settings: unknown };

export type ConfigStore = {
  /** The in-process copy; the first call of a process waits for the database once. */
  get(): Promise<EffectiveConfig>;
  /** Synchronous, for code that cannot wait: the in-process copy, or the defaults until the first load finished. */
  peek(): EffectiveConfig;
  /** Reads the newest version now (after a save on this instance, so it applies with the next request). */
  refresh(): Promise<EffectiveConfig>;
  /** The environment's defaults (what a field not overridden has). */
  defaults(): ConfigSettings;
  stop(): void;
};

export const CONFIG_CHANGED_TOPIC = "config.changed";

/**
 * Hot configuration without a database query per request: each process keeps the effective configuration in memory
 * and replaces it when it learns of a newer version — at once through the event fan-out (a save publishes
 * CONFIG_CHANGED_TOPIC, which every instance polls for every second), and, as the safety net for a missed event
 * (the fan-out is at most once), by comparing the newest version number every `checkMs`.
 */
export function createConfigStore(options: {
  defaults: () => ConfigSettings;
  readLatest: () => Promise<StoredConfig | null>;
  readVersion: () => Promise<number>;
  fanout: EventFanout;
  checkMs?: number;
}): ConfigStore {
  const checkMs = options.checkMs ?? 2_000;
  let current: EffectiveConfig | null = null;
  let fallback: EffectiveConfig | null = null;
  let loading: Promise<EffectiveConfig> | null = null;
  let watching: { stop(): void } | null = null;

  function build(stored: StoredConfig | null): EffectiveConfig {
    const parsed = configOverridesSchema.safeParse(stored?.settings ?? {});
    if (!parsed.success) {
      throw new AppError("internal", `Stored configuration version ${stored?.version} is not valid`, {
        details: { issues: parsed.error.issues },
      });
    }
    const settings = resolveConfig(options.defaults(), parsed.data);
    return {
      version: stored?.version ?? 0,
      settings,
      overrides: parsed.data,
      ipAccess: createIpAccessRule({ allow: settings.access.ipAllow, deny: settings.access.ipDeny }),
      allowedHosts: new Set(settings.access.allowedHosts),
    };
  }

  function apply(next: EffectiveConfig): EffectiveConfig {
    // Only changes are news; the first load of every process (and CLI run) is not.
    if (current !== null && current.version !== next.version) {
      log.info("configuration applied", { version: next.version });
    }
    current = next;
    return next;
  }

  function load(): Promise<EffectiveConfig> {
    // One read at a time; callers arriving meanwhile share it.
    loading ??= options
      .readLatest()
      .then((stored) => apply(build(stored)))
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  function watch(): void {
    if (watching) return;
    const unsubscribe = options.fanout.subscribe(CONFIG_CHANGED_TOPIC, () => {
      void load().catch((error) => log.warn("configuration reload failed", { error: String(error) }));
    });
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const check = async () => {
      try {
        const version = await options.readVersion();
        if (version !== current?.version) await load();
      } catch (error) {
        log.warn("configuration version check failed", { error: String(error) });
      }
      if (!stopped) {
        timer = setTimeout(check, checkMs);
        timer.unref();
      }
    };
    timer = setTimeout(check, checkMs);
    timer.unref();
    watching = {
      stop() {
        stopped = true;
        clearTimeout(timer);
        unsubscribe();
      },
    };
  }

  async function get(): Promise<EffectiveConfig> {
    if (current) return current;
    const loaded = await load();
    watch();
    return loaded;
  }

  return {
    get,
    peek() {
      if (current) return current;
      // Start the first load for the next caller; until then the environment's defaults apply.
      if (!loading) void get().catch(() => {});
      fallback ??= build(null);
      return fallback;
    },
    async refresh() {
      const loaded = await load();
      watch();
      return loaded;
    },
    defaults: options.defaults,
    stop() {
      watching?.stop();
      watching = null;
    },
  };
}
