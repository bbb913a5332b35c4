import { Redis } from "@upstash/redis";
import { createTcpRequester } from "@/lib/redis/create-tcp-requester";

export type RedisConfig = {
  /** UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN. */
  upstash?: { url: string; token: string };
  /** REDIS_URL, a TCP Redis. */
  url?: string;
  /** TCP only: the longest a caller waits for one command before getting an error. */
  commandTimeoutMs?: number;
};

export type RedisConnection = {
  redis: Redis;
  transport: "upstash-rest" | "tcp";
  close(): Promise<void>;
};

/**
 * Builds the Redis client for a configuration, or null when none is configured. Takes the configuration explicitly
 * so tests can build their own without the process-wide client from `getRedis()`.
 */
export function createRedis(config: RedisConfig): RedisConnection | null {
  // Upstash wins when both are set: on Vercel the REST URL is the one that is reachable.
  if (config.upstash) {
    const redis = new Redis({ url: config.upstash.url, token: config.upstash.token, enableTelemetry: false });
    // REST has no connection to close.
    return { redis, transport: "upstash-rest", close: async () => {} };
  }
  if (config.url) {
    const requester = createTcpRequester({ url: config.url, commandTimeoutMs: config.commandTimeoutMs });
    return { redis: new Redis(requester), transport: "tcp", close: () => requester.close() };
  }
  return null;
}
