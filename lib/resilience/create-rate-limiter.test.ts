import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createRedis } from "@/lib/redis/create-redis";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { createMemoryRateLimiter } from "@/lib/resilience/create-memory-rate-limiter";
import { createRateLimiter } from "@/lib/resilience/create-rate-limiter";
import type { RateLimiter, RateLimitPolicy } from "@/lib/resilience/rate-limiter";

// Redis-backed cases are registered only when there is a test Redis; the in-process ones always run.
const testRedis = TEST_REDIS_URL === null ? null : createTestRedis();
const prefix = testRedis?.prefix ?? `orbit-test:${randomUUID()}:`;
afterAll(async () => {
  await testRedis?.cleanup();
});
afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;

function policy(overrides: Partial<RateLimitPolicy> = {}): RateLimitPolicy {
  return {
    prefix: `${prefix}rl:${randomUUID()}`,
    limit: 5,
    windowMs: 15 * MINUTE,
    timeoutMs: 2_000,
    ...overrides,
  };
}

// Only Date is faked: the Redis client needs real timers.
function freezeClock(at: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

const backends = [
  ...(testRedis
    ? [
        {
          name: "Redis (@upstash/ratelimit over TCP)",
          build: (p: RateLimitPolicy) => createRateLimiter(p, testRedis.redis),
        },
      ]
    : []),
  { name: "in-process fallback", build: (p: RateLimitPolicy) => createRateLimiter(p, null) },
];

describe.each(backends)("sliding-window limiter: $name", ({ build }) => {
  it("allows 5 failures for an account, refuses the 6th, and leaves other accounts alone", async () => {
    const limiter = build(policy());
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limiter.limit("alice@example.com"));

    expect(results.slice(0, 5).map((r) => r.success)).toEqual([true, true, true, true, true]);
    expect(results.slice(0, 5).map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
    const refused = results[5]!;
    expect(refused.success).toBe(false);
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(refused.reset).toBeGreaterThan(Date.now());

    const other = await limiter.limit("bob@example.com");
    expect(other).toMatchObject({ success: true, remaining: 4, retryAfterSeconds: 0 });
  });

  it("peeks without counting, and reset forgets an id", async () => {
    const limiter = build(policy({ limit: 2 }));
    expect((await limiter.getRemaining("carol")).remaining).toBe(2);
    expect((await limiter.getRemaining("carol")).remaining).toBe(2);

    await limiter.limit("carol");
    await limiter.limit("carol");
    expect((await limiter.getRemaining("carol")).remaining).toBe(0);
    expect((await limiter.limit("carol")).success).toBe(false);

    await limiter.reset("carol");
    expect((await limiter.getRemaining("carol")).remaining).toBe(2);
    expect((await limiter.limit("carol")).success).toBe(true);
  });

  it("treats ids as opaque: glob characters match nothing else", async () => {
    const limiter = build(policy({ limit: 1 }));
    await limiter.limit("a1");
    await limiter.reset("a*");
    expect((await limiter.limit("a1")).success).toBe(false);
  });

  it("slides: the previous window counts in proportion to its overlap", async () => {
    const windowMs = 15 * MINUTE;
    const start = Math.ceil(Date.now() / windowMs) * windowMs + 10 * windowMs;
    const limiter = build(policy({ windowMs }));

    freezeClock(start + 14 * MINUTE);
    for (let i = 0; i < 5; i++) expect((await limiter.limit("dave")).success).toBe(true);
    const refused = await limiter.limit("dave");
    expect(refused.success).toBe(false);
    expect(refused.reset).toBe(start + windowMs);
    expect(refused.retryAfterSeconds).toBe(60);

    // 3 minutes into the next window, 4 of the previous 5 still count (floor(0.8 × 5)): one attempt is free.
    freezeClock(start + windowMs + 3 * MINUTE);
    expect(await limiter.getRemaining("dave")).toEqual({ remaining: 1, reset: start + 2 * windowMs });
    expect((await limiter.limit("dave")).success).toBe(true);
    expect((await limiter.limit("dave")).success).toBe(false);

    // Two windows later nothing is remembered.
    freezeClock(start + 3 * windowMs + 1);
    expect((await limiter.getRemaining("dave")).remaining).toBe(5);
  });
});

describe.runIf(TEST_REDIS_URL !== null)("the two backends", () => {
  it("give identical answers for the same sequence of calls", async () => {
    if (!testRedis) throw new Error("unreachable: this suite only runs with a test Redis");
    const windowMs = MINUTE;
    const p = policy({ limit: 2, windowMs });
    const inRedis = createRateLimiter(p, testRedis.redis);
    const inMemory = createRateLimiter(p, null);
    const start = Math.ceil(Date.now() / windowMs) * windowMs + 5 * windowMs;

    // Deterministic walk across four windows, mixing ids, peeks, hits and a reset.
    let at = start;
    let refused = 0;
    for (let step = 0; step < 60; step++) {
      at += (step * 7919) % 9_000;
      freezeClock(at);
      const id = `user-${step % 3}`;
      const op = step % 11 === 10 ? "reset" : step % 4 === 3 ? "getRemaining" : "limit";
      const call = (limiter: RateLimiter) => limiter[op](id);
      const answer = await call(inRedis);
      expect(answer, `step ${step}: ${op}(${id})`).toEqual(await call(inMemory));
      if (answer && "success" in answer && !answer.success) refused++;
    }
    // The walk is only a comparison worth making if it hits the limit along the way.
    expect(refused).toBeGreaterThanOrEqual(10);
  });
});

describe("Redis-backed limiter when Redis is down", () => {
  it("throws AppError(unavailable) within the timeout instead of letting everyone through", async () => {
    const dead = createRedis({ url: `redis://127.0.0.1:${await closedPort()}`, commandTimeoutMs: 300 });
    const limiter = createRateLimiter(policy({ timeoutMs: 1_000 }), dead!.redis);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const started = Date.now();
      const failure = await limiter.limit("erin").catch((error: unknown) => error);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).code).toBe("unavailable");
      expect(String((failure as AppError).cause)).toMatch(/did not answer within 300 ms/);
      await expect(limiter.getRemaining("erin")).rejects.toMatchObject({ code: "unavailable" });
    } finally {
      vi.restoreAllMocks();
      await dead!.close();
    }
  });
});

describe("in-process limiter memory", () => {
  it("stays bounded, dropping expired ids first and then the least recently counted", async () => {
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: MINUTE }, { maxEntries: 3 });
    const start = Math.ceil(Date.now() / MINUTE) * MINUTE;

    freezeClock(start);
    await limiter.limit("old");
    freezeClock(start + 2 * MINUTE);
    for (const id of ["a", "b", "c"]) await limiter.limit(id);
    // "old" was expired and went first; "a", "b", "c" are still counted.
    for (const id of ["a", "b", "c"]) expect((await limiter.getRemaining(id)).remaining).toBe(0);

    await limiter.limit("d");
    // Over the cap with every entry live: the least recently counted ("a") is forgotten.
    expect((await limiter.getRemaining("a")).remaining).toBe(1);
    for (const id of ["b", "c", "d"]) expect((await limiter.getRemaining(id)).remaining).toBe(0);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}
