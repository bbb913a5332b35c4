import type { Redis } from "@upstash/redis";
import type { ResponseCache, ResponseCacheOptions } from "@/lib/resilience/response-cache";
import { withTimeout } from "@/lib/resilience/with-timeout";
import { log } from "@/lib/telemetry/log";

/**
 * Answers in Redis as JSON under `<prefix><key>` with SET EX, shared by every instance. Failures and slow answers
 * count as a miss (or a dropped write): Redis being down must cost speed, not tool calls.
 */
export function createRedisResponseCache(redis: Redis, options: ResponseCacheOptions): ResponseCache {
  const timeoutMs = options.timeoutMs ?? 500;
  const maxValueBytes = options.maxValueBytes ?? 256 * 1024;
  const timedOut = () => new Error(`Response cache did not answer within ${timeoutMs} ms`);
  let warned = false;
  const warn = (error: unknown) => {
    if (warned) return;
    warned = true;
    log.warn("response cache unavailable, calling upstream instead", { error: String(error) });
  };

  return {
    async get<T>(key: string) {
      try {
        // Stored as a JSON string; the client may already have parsed it (automatic deserialisation) or not.
        const raw = await withTimeout(redis.get<unknown>(`${options.prefix}${key}`), timeoutMs, timedOut);
        warned = false;
        if (raw === null || raw === undefined) return undefined;
        const wrapped = (typeof raw === "string" ? JSON.parse(raw) : raw) as { v: T };
        return wrapped.v;
      } catch (error) {
        warn(error);
        return undefined;
      }
    },
    async set(key, value, ttlSeconds) {
      // Wrapped so any JSON value (a bare string or number included) survives the client's deserialisation.
      const json = JSON.stringify({ v: value });
      if (ttlSeconds <= 0 || Buffer.byteLength(json) > maxValueBytes) return;
      try {
        await withTimeout(
          redis.set(`${options.prefix}${key}`, json, { ex: Math.ceil(ttlSeconds) }),
          timeoutMs,
          timedOut,
        );
      } catch (error) {
        warn(error);
      }
    },
    async delete(key) {
      try {
        await withTimeout(redis.del(`${options.prefix}${key}`), timeoutMs, timedOut);
      } catch (error) {
        warn(error);
      }
    },
  };
}
