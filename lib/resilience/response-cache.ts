import type { Redis } from "@upstash/redis";
import { createMemoryResponseCache } from "@/lib/resilience/response-cache-memory";
import { createRedisResponseCache } from "@/lib/resilience/response-cache-redis";

/**
 * Cached answers by key, each with its own time to live. A cache is an optimisation: a store that fails answers
 * "miss" and drops writes rather than failing the call it was meant to speed up.
 */
export interface ResponseCache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export type ResponseCacheOptions = {
  /** Key prefix in Redis, e.g. "orbit:tool-cache:". */
  prefix: string;
  /** Answers bigger than this (serialised) are not cached: one huge result must not evict everything else. */
  maxValueBytes?: number;
  /** In-process only: how many answers to keep. */
  maxEntries?: number;
  /** Redis only: the longest a lookup may take before it counts as a miss. */
  timeoutMs?: number;
  now?: () => number;
};

/** Redis-backed when there is a Redis (shared by every instance), else an in-process LRU with the same TTLs. */
export function createResponseCache(redis: Redis | null, options: ResponseCacheOptions): ResponseCache {
  return redis ? createRedisResponseCache(redis, options) : createMemoryResponseCache(options);
}
