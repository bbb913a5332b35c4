import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { type CircuitPolicy, createCircuitBreaker } from "@/lib/resilience/circuit-breaker";

// Redis-backed cases run when the test setup found a Redis (REDIS_URL or a local one); in-process always runs.
const testRedis = TEST_REDIS_URL === null ? null : createTestRedis();
const redis = testRedis?.redis ?? null;
const prefix = testRedis?.prefix ?? `orbit-test:${randomUUID()}:`;
const cleanup = async () => {
  await testRedis?.cleanup();
};
afterAll(cleanup);

const policy: CircuitPolicy = { failureThreshold: 3, windowMs: 10_000, openMs: 5_000, halfOpenMaxCalls: 1 };

// A clock the test moves by hand, so open/half-open timing is exact and nothing sleeps.
function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

const backends = [
  { name: "in-process fallback", withRedis: false },
  ...(redis ? [{ name: "Redis", withRedis: true }] : []),
];

describe.each(backends)("circuit breaker: $name", ({ withRedis }) => {
  const build = (clock: ReturnType<typeof manualClock>) =>
    createCircuitBreaker(withRedis ? redis : null, { prefix: `${prefix}cb:`, now: clock.now });
  const key = () => `server-${randomUUID()}`;

  it("opens after failureThreshold failures in a row and refuses calls until openMs has passed", async () => {
    const clock = manualClock();
    const breaker = build(clock);
    const k = key();
    for (let i = 0; i < 2; i++) {
      expect((await breaker.acquire(k, policy)).allowed).toBe(true);
      await breaker.record(k, policy, "failure");
    }
    expect(await breaker.peek(k, policy)).toMatchObject({ state: "closed", failures: 2, allowed: true });
    await breaker.acquire(k, policy);
    expect(await breaker.record(k, policy, "failure")).toMatchObject({ state: "open", allowed: false });

    clock.advance(1_000);
    expect(await breaker.acquire(k, policy)).toMatchObject({
      state: "open",
      allowed: false,
      retryAfterMs: 4_000,
    });
  });

  it("a success resets the run of failures, and old failures fall out of the window", async () => {
    const clock = manualClock();
    const breaker = build(clock);
    const k = key();
    await breaker.record(k, policy, "failure");
    await breaker.record(k, policy, "failure");
    await breaker.record(k, policy, "success");
    await breaker.record(k, policy, "failure");
    await breaker.record(k, policy, "failure");
    expect((await breaker.peek(k, policy)).state).toBe("closed");

    clock.advance(policy.windowMs);
    await breaker.record(k, policy, "failure");
    expect(await breaker.peek(k, policy)).toMatchObject({ state: "closed", failures: 1 });
  });

  it("half-opens after openMs with one probe at a time, closes on its success", async () => {
    const clock = manualClock();
    const breaker = build(clock);
    const k = key();
    for (let i = 0; i < 3; i++) await breaker.record(k, policy, "failure");
    clock.advance(policy.openMs);

    expect(await breaker.peek(k, policy)).toMatchObject({ state: "half_open", allowed: true });
    expect(await breaker.acquire(k, policy)).toMatchObject({ state: "half_open", allowed: true });
    // The slot is taken: a second caller waits for the probe's verdict.
    expect(await breaker.acquire(k, policy)).toMatchObject({ state: "half_open", allowed: false });

    expect(await breaker.record(k, policy, "success")).toMatchObject({ state: "closed", failures: 0 });
    expect((await breaker.acquire(k, policy)).allowed).toBe(true);
  });

  it("re-opens for another openMs when the probe fails; a released probe frees its slot", async () => {
    const clock = manualClock();
    const breaker = build(clock);
    const k = key();
    for (let i = 0; i < 3; i++) await breaker.record(k, policy, "failure");
    clock.advance(policy.openMs);

    await breaker.acquire(k, policy);
    await breaker.record(k, policy, "release");
    expect((await breaker.acquire(k, policy)).allowed).toBe(true);
    expect(await breaker.record(k, policy, "failure")).toMatchObject({ state: "open" });
    clock.advance(policy.openMs - 1);
    expect((await breaker.acquire(k, policy)).allowed).toBe(false);
    clock.advance(1);
    expect((await breaker.acquire(k, policy)).state).toBe("half_open");
  });

  it("gives a lost probe's slot to the next caller after openMs", async () => {
    const clock = manualClock();
    const breaker = build(clock);
    const k = key();
    for (let i = 0; i < 3; i++) await breaker.record(k, policy, "failure");
    clock.advance(policy.openMs);
    expect((await breaker.acquire(k, policy)).allowed).toBe(true);
    clock.advance(policy.openMs);
    expect((await breaker.acquire(k, policy)).allowed).toBe(true);
  });
});

describe.runIf(redis !== null)("circuit breaker shared through Redis", () => {
  it("two instances see each other's failures, open state and recovery", async () => {
    const clock = manualClock();
    const options = { prefix: `${prefix}cb:`, now: clock.now };
    const a = createCircuitBreaker(redis, options);
    const b = createCircuitBreaker(redis, options);
    const k = `shared-${randomUUID()}`;

    await a.record(k, policy, "failure");
    await b.record(k, policy, "failure");
    await a.record(k, policy, "failure");
    expect((await b.acquire(k, policy)).state).toBe("open");

    clock.advance(policy.openMs);
    expect((await a.acquire(k, policy)).allowed).toBe(true);
    // a holds the only probe slot; b must not send a second probe.
    expect((await b.acquire(k, policy)).allowed).toBe(false);
    await a.record(k, policy, "success");
    expect(await b.peek(k, policy)).toMatchObject({ state: "closed", allowed: true });
  });

  it("keeps state in one hash with a TTL, and deletes it once healthy", async () => {
    const k = `ttl-${randomUUID()}`;
    const breaker = createCircuitBreaker(redis, { prefix: `${prefix}cb:` });
    await breaker.record(k, policy, "failure");
    const stored = await redis!.hgetall<Record<string, string>>(`${prefix}cb:${k}`);
    expect(stored).toMatchObject({ state: "closed", failures: 1 });
    expect(await redis!.pttl(`${prefix}cb:${k}`)).toBeGreaterThan(0);
    await breaker.record(k, policy, "success");
    expect(await redis!.exists(`${prefix}cb:${k}`)).toBe(0);
  });
});
