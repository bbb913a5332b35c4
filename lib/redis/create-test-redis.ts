import { randomUUID } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { createRedis } from "@/lib/redis/create-redis";

/**
 * The Redis the Redis-backed suites use, or null when there is none: lib/test/global-setup.ts decides once per run
 * (REDIS_URL when set, else a local Redis on 127.0.0.1:6379 if one answers PING, unless ORBIT_TEST_REDIS=off) and
 * hands the answer to the workers as ORBIT_TEST_REDIS_URL. Without it those suites are not registered.
 */
export const TEST_REDIS_URL: string | null = process.env.ORBIT_TEST_REDIS_URL || null;

/**
 * For tests: a TCP client on the shared test Redis, a key prefix no other run uses, and a cleanup that deletes
 * every key under it and closes the connection. Only call it when TEST_REDIS_URL is set.
 */
export function createTestRedis(): { redis: Redis; prefix: string; cleanup(): Promise<void> } {
  if (TEST_REDIS_URL === null)
    throw new Error(
      "createTestRedis() called without a test Redis (ORBIT_TEST_REDIS_URL unset): guard the suite with describe.runIf(TEST_REDIS_URL !== null)",
    );
  const connection = createRedis({ url: TEST_REDIS_URL });
  if (!connection) throw new Error("unreachable: a URL was given");
  const { redis } = connection;
  const prefix = `orbit-test:${randomUUID()}:`;
  return {
    redis,
    prefix,
    async cleanup() {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, { match: `${prefix}*`, count: 500 });
        if (keys.length > 0) await redis.del(...keys);
        cursor = String(next);
      } while (cursor !== "0");
      await connection.close();
    },
  };
}
