import { randomUUID } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { createRedis } from "@/lib/redis/create-redis";

// `npm test` uses REDIS_URL when it is set (ARCHITECTURE.md, Commands); otherwise the local test Redis.
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * For tests: a TCP client on the shared test Redis, a key prefix no other run uses, and a cleanup that deletes
 * every key under it and closes the connection.
 */
export function createTestRedis(): { redis: Redis; prefix: string; cleanup(): Promise<void> } {
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
