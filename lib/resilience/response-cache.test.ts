import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { createResponseCache } from "@/lib/resilience/response-cache";

// Redis-backed cases run when the test setup found a Redis (REDIS_URL or a local one); in-process always runs.
const testRedis = TEST_REDIS_URL === null ? null : createTestRedis();
const redis = testRedis?.redis ?? null;
const prefix = testRedis?.prefix ?? `orbit-test:${randomUUID()}:`;
const cleanup = async () => {
  await testRedis?.cleanup();
};
afterAll(cleanup);

describe.each([
  { name: "in-process LRU", withRedis: false },
  ...(redis ? [{ name: "Redis", withRedis: true }] : []),
])("response cache: $name", ({ withRedis }) => {
  const build = (options: { now?: () => number; maxEntries?: number; maxValueBytes?: number } = {}) =>
    createResponseCache(withRedis ? redis : null, { prefix: `${prefix}rc:`, ...options });

  it("returns what was stored, as a copy, and misses unknown keys", async () => {
    const cache = build();
    const key = randomUUID();
    const value = { content: [{ type: "text", text: "hi" }], isError: false };
    await cache.set(key, value, 60);
    const got = await cache.get<typeof value>(key);
    expect(got).toEqual(value);
    expect(got).not.toBe(value);
    expect(await cache.get(randomUUID())).toBeUndefined();
    await cache.set(`${key}-str`, "42", 60);
    expect(await cache.get(`${key}-str`)).toBe("42");
    await cache.delete(key);
    expect(await cache.get(key)).toBeUndefined();
  });

  it("does not store answers larger than maxValueBytes or with no TTL", async () => {
    const cache = build({ maxValueBytes: 100 });
    const key = randomUUID();
    await cache.set(key, { text: "x".repeat(200) }, 60);
    await cache.set(`${key}-0`, { text: "small" }, 0);
    expect(await cache.get(key)).toBeUndefined();
    expect(await cache.get(`${key}-0`)).toBeUndefined();
  });
});

describe("response cache expiry", () => {
  it.runIf(redis !== null)("Redis sets the TTL on the key", async () => {
    const cache = createResponseCache(redis, { prefix: `${prefix}rc:` });
    const key = randomUUID();
    await cache.set(key, { a: 1 }, 30);
    const ttl = await redis!.ttl(`${prefix}rc:${key}`);
    expect(ttl).toBeGreaterThan(25);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  it("in-process entries expire after their TTL and the least recently used go first", async () => {
    let now = 0;
    const cache = createResponseCache(null, { prefix: "", now: () => now, maxEntries: 2 });
    await cache.set("a", 1, 10);
    await cache.set("b", 2, 10);
    await cache.get("a");
    await cache.set("c", 3, 10);
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBe(1);
    now += 10_000;
    expect(await cache.get("a")).toBeUndefined();
    expect(await cache.get("c")).toBeUndefined();
  });
});
