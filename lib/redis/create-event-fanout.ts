import { randomUUID } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { log } from "@/lib/telemetry/log";

export type EventFanout = {
  /** Delivers `data` to every subscriber of `topic` on every instance (at once here, within `pollMs` elsewhere). */
  publish(topic: string, data: unknown): Promise<void>;
  /** Listens on this instance; returns the unsubscribe. Instances poll only while they have a subscriber. */
  subscribe(topic: string, listener: (data: unknown) => void): () => void;
};

type Listener = (data: unknown) => void;
type Entry = { t?: unknown; o?: unknown; d?: unknown };

/**
 * Live events shared by every web instance and the worker: a Redis stream (XADD, trimmed to about `maxLen`
 * entries) that each process with at least one subscriber reads forward with XRANGE every `pollMs`. A stream and
 * polling rather than PUBLISH/SUBSCRIBE because Orbit speaks to Redis through the Upstash interface, whose REST
 * transport has no long-lived subscription; a poll is one cheap command and costs nothing while nobody listens.
 * Events published here reach local subscribers at once and are skipped when read back. Without Redis the
 * fan-out is this process's alone, which is right for a single instance.
 *
 * At most once: an instance that was not polling (no subscriber) does not see what was published meanwhile.
 */
export function createEventFanout(options: {
  redis: Redis | null;
  key: string;
  pollMs?: number;
  maxLen?: number;
}): EventFanout {
  const { redis, key } = options;
  const pollMs = options.pollMs ?? 1000;
  const maxLen = options.maxLen ?? 1000;
  const origin = randomUUID();
  const listeners = new Map<string, Set<Listener>>();
  let poller: { stop(): void } | null = null;

  function deliver(topic: string, data: unknown): void {
    for (const listener of listeners.get(topic) ?? []) {
      try {
        listener(data);
      } catch (error) {
        log.error("event listener failed", { topic, error });
      }
    }
  }

  function startPolling(client: Redis): { stop(): void } {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let lastId: string | null = null;
    let failing = false;
    const tick = async () => {
      try {
        if (lastId === null) {
          // Start from the newest entry: what was published before anyone here listened is not replayed.
          const newest = await client.xrevrange(key, "+", "-", 1);
          lastId = Object.keys(newest)[0] ?? "0-0";
        }
        for (;;) {
          const page = (await client.xrange(key, `(${lastId}`, "+", 100)) as Record<string, Entry>;
          const ids = Object.keys(page);
          for (const id of ids) {
            lastId = id;
            const entry = page[id]!;
            if (entry.o === origin || typeof entry.t !== "string" || stopped) continue;
            deliver(entry.t, entry.d);
          }
          if (ids.length < 100) break;
        }
        if (failing) log.info("event fan-out reading again", { key });
        failing = false;
      } catch (error) {
        // Logged once per outage; the next tick tries again.
        if (!failing) {
          log.warn("event fan-out could not read", { key, error: String(error) });
        }
        failing = true;
      }
      if (!stopped) {
        timer = setTimeout(tick, pollMs);
        timer.unref();
      }
    };
    void tick();
    return {
      stop() {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  return {
    async publish(topic, data) {
      deliver(topic, data);
      if (!redis) return;
      await redis.xadd(
        key,
        "*",
        { t: topic, o: origin, d: JSON.stringify(data) },
        { trim: { type: "MAXLEN", threshold: maxLen, comparison: "~" } },
      );
    },
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set<Listener>();
      listeners.set(topic, set);
      set.add(listener);
      if (redis && !poller) poller = startPolling(redis);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
        if (listeners.size === 0 && poller) {
          poller.stop();
          poller = null;
        }
      };
    },
  };
}
