import type { Redis } from "@upstash/redis";
import { createMemoryRateLimiter } from "@/lib/resilience/create-memory-rate-limiter";
import { createRedisRateLimiter } from "@/lib/resilience/create-redis-rate-limiter";
import type { RateLimiter, RateLimitPolicy } from "@/lib/resilience/rate-limiter";

/** Counts in Redis when there is one, so limits hold across instances; otherwise in this process. */
export function createRateLimiter(policy: RateLimitPolicy, redis: Redis | null): RateLimiter {
  return redis ? createRedisRateLimiter(policy, redis) : createMemoryRateLimiter(policy);
}
