import type { Redis } from "@upstash/redis";
import { getEnv } from "@/lib/env";
import { createRedis, type RedisConnection } from "@/lib/redis/create-redis";
import { log } from "@/lib/telemetry/log";

/** "ok", "not_configured", or why Redis did not answer. */
export type RedisPing = "ok" | "not_configured" | string;

// On globalThis so Next.js dev reloads reuse one connection instead of leaking one per reload.
const globalForRedis = globalThis as typeof globalThis & { orbitRedis?: RedisConnection | null };

/**
 * The process-wide Redis client, built on first use from the environment: Upstash REST when
 * UPSTASH_REDIS_REST_URL/_TOKEN are set, else TCP when REDIS_URL is set, else null, and callers fall back to
 * in-process state.
 */
export function getRedis(): Redis | null {
  if (globalForRedis.orbitRedis === undefined) {
    const env = getEnv();
    const upstash =
      env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
        ? { url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }
        : undefined;
    globalForRedis.orbitRedis = createRedis({ upstash, url: env.REDIS_URL });
    if (globalForRedis.orbitRedis === null) {
      // Said once, at first use: with several instances, limits and caches silently multiply otherwise.
      log.warn(
        "No Redis configured: rate limits and caches are per-process (set REDIS_URL or UPSTASH_REDIS_REST_URL)",
      );
    }
  }
  return globalForRedis.orbitRedis?.redis ?? null;
}

/** For readiness checks; pass a client to check that one instead. Never rejects: a failure comes back as its message. */
export async function pingRedis(redis?: Redis | null): Promise<RedisPing> {
  try {
    const client = redis === undefined ? getRedis() : redis;
    if (!client) return "not_configured";
    const reply = await client.ping();
    return reply === "PONG" ? "ok" : `unexpected PING reply: ${String(reply)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Closes the process-wide client (tests, shutdown); the next `getRedis()` builds a new one. */
export async function closeRedis(): Promise<void> {
  const connection = globalForRedis.orbitRedis;
  globalForRedis.orbitRedis = undefined;
  await connection?.close();
}
