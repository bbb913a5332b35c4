import { type RateLimiter, type RateLimitRule, retryAfterSeconds } from "@/lib/resilience/rate-limiter";

type Counts = { window: number; current: number; previous: number };

/**
 * In-process twin of `@upstash/ratelimit`'s sliding window, for when no Redis is configured: the same two fixed
 * windows with the previous one weighted by how much of it still overlaps, the same `reset` (end of the current
 * window), and refused events are not counted. Correct for one instance only.
 *
 * Memory stays bounded: entries are kept in last-written order, so the ones too old to matter sit at the front and
 * are dropped on each write; past `maxEntries` the least recently counted ids are forgotten.
 */
export function createMemoryRateLimiter(
  rule: RateLimitRule,
  options: { maxEntries?: number } = {},
): RateLimiter {
  const { limit, windowMs } = rule;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Counts>();

  function read(id: string, now: number) {
    const window = Math.floor(now / windowMs);
    const stored = entries.get(id);
    let counts: Counts;
    if (stored?.window === window) counts = stored;
    else if (stored?.window === window - 1) counts = { window, current: 0, previous: stored.current };
    else counts = { window, current: 0, previous: 0 };
    const weightedPrevious = Math.floor((1 - (now % windowMs) / windowMs) * counts.previous);
    return { counts, used: counts.current + weightedPrevious, reset: (window + 1) * windowMs };
  }

  function write(id: string, counts: Counts): void {
    entries.delete(id);
    entries.set(id, counts);
    for (const [key, value] of entries) {
      if (value.window >= counts.window - 1 && entries.size <= maxEntries) break;
      entries.delete(key);
    }
  }

  return {
    async limit(id) {
      const now = Date.now();
      const { counts, used, reset } = read(id, now);
      if (used >= limit) {
        return { success: false, remaining: 0, reset, retryAfterSeconds: retryAfterSeconds(reset, now) };
      }
      write(id, { ...counts, current: counts.current + 1 });
      return { success: true, remaining: Math.max(0, limit - used - 1), reset, retryAfterSeconds: 0 };
    },
    async getRemaining(id) {
      const { used, reset } = read(id, Date.now());
      return { remaining: Math.max(0, limit - used), reset };
    },
    async reset(id) {
      entries.delete(id);
    },
  };
}
