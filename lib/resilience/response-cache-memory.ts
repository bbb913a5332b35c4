import type { ResponseCache, ResponseCacheOptions } from "@/lib/resilience/response-cache";

/**
 * In-process LRU with per-entry TTL. Values are stored serialised, so a caller that mutates what it got back cannot
 * change what the next caller gets, and so size limits mean the same as in Redis.
 */
export function createMemoryResponseCache(options: ResponseCacheOptions): ResponseCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1_000;
  const maxValueBytes = options.maxValueBytes ?? 256 * 1024;
  const entries = new Map<string, { json: string; expiresAt: number }>();

  return {
    async get<T>(key: string) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      // Re-inserted so the Map's order stays least-recently-used first.
      entries.delete(key);
      entries.set(key, entry);
      return JSON.parse(entry.json) as T;
    },
    async set(key, value, ttlSeconds) {
      const json = JSON.stringify(value);
      if (ttlSeconds <= 0 || Buffer.byteLength(json) > maxValueBytes) return;
      entries.delete(key);
      entries.set(key, { json, expiresAt: now() + ttlSeconds * 1000 });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
