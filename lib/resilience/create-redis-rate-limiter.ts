import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { AppError } from "@/lib/errors/app-error";
import { type RateLimiter, type RateLimitPolicy, retryAfterSeconds } from "@/lib/resilience/rate-limiter";
import { withTimeout } from "@/lib/resilience/with-timeout";

/**
 * A sliding-window limiter shared by every Orbit instance, counted in Redis by `@upstash/ratelimit` (one EVALSHA per
 * call). When Redis fails or is slower than `policy.timeoutMs` the call throws AppError("unavailable"): a limit that
 * silently stops limiting (the library's own behaviour on timeout) would turn a Redis outage into open brute force.
 */
export function createRedisRateLimiter(policy: RateLimitPolicy, redis: Redis): RateLimiter {
  const ratelimit = new Ratelimit({
    redis,
    limiter: Ratelimit.slidingWindow(policy.limit, `${policy.windowMs} ms`),
    prefix: policy.prefix,
    timeout: policy.timeoutMs,
    // The in-process block cache grows without bound and would keep refusing an id in this instance after
    // another instance reset it.
    ephemeralCache: false,
    analytics: false,
    enableTelemetry: false,
  });

  const unavailable = (cause: unknown) =>
    new AppError("unavailable", "Rate limiting is temporarily unavailable, try again shortly", { cause });
  const timedOut = () =>
    new Error(`Rate limit store for ${policy.prefix} did not answer within ${policy.timeoutMs} ms`);

  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(work(), policy.timeoutMs, timedOut);
    } catch (error) {
      throw unavailable(error);
    }
  }

  return {
    async limit(id) {
      const result = await guard(() => ratelimit.limit(keyOf(id)));
      if (result.reason === "timeout") throw unavailable(timedOut());
      const { success, remaining, reset } = result;
      return { success, remaining, reset, retryAfterSeconds: success ? 0 : retryAfterSeconds(reset) };
    },
    async getRemaining(id) {
      const { remaining, reset } = await guard(() => ratelimit.getRemaining(keyOf(id)));
      return { remaining, reset };
    },
    async reset(id) {
      // Not ratelimit.resetUsedTokens: it SCANs the whole keyspace inside a Lua script, blocking Redis for as long
      // as that takes. A sliding window only ever reads two keys, `<prefix>:<id>:<window>` for this window and the
      // previous one, so deleting those is a complete reset (the tests pin this key layout).
      const window = Math.floor(Date.now() / policy.windowMs);
      const base = `${policy.prefix}:${keyOf(id)}`;
      await guard(() => redis.del(`${base}:${window}`, `${base}:${window - 1}`));
    },
  };
}

// Ids are emails and IPs: hashing keeps them out of Redis, bounds key length, and keeps glob characters in an id
// from reaching a MATCH pattern.
function keyOf(id: string): string {
  return createHash("sha256").update(id).digest("base64url").slice(0, 22);
}
