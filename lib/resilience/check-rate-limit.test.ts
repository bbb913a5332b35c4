import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import {
  checkRateLimit,
  consumeRateLimit,
  peekRateLimit,
  resetRateLimit,
} from "@/lib/resilience/check-rate-limit";
import type { RateLimitPolicyName } from "@/lib/resilience/rate-limit-policies";

// The policy table asks getRedis() for its store; here that is the real test Redis when there is one (built from
// explicit config instead of the environment), else null, so the in-process fallback is what gets tested.
const testRedis = vi.hoisted(() => ({ current: null as import("@upstash/redis").Redis | null }));
vi.mock("@/lib/redis/get-redis", () => ({ getRedis: () => testRedis.current }));

const connection = TEST_REDIS_URL === null ? null : createTestRedis();
testRedis.current = connection?.redis ?? null;

// Policy prefixes are the real ones, so every id is unique and reset afterwards.
const used: [RateLimitPolicyName, string][] = [];
function freshId(policy: RateLimitPolicyName, label: string): string {
  const id = `${label}-${randomUUID()}`;
  used.push([policy, id]);
  return id;
}
afterAll(async () => {
  for (const [policy, id] of used) await resetRateLimit(policy, id);
  await connection?.cleanup();
});

describe(`sign-in rate limiting through the policy table (${connection ? "Redis" : "in-process"})`, () => {
  it("never locks out an account that keeps signing in successfully", async () => {
    const account = freshId("loginAccount", "ok@example.com");
    // Peek before each attempt; a successful sign-in consumes nothing.
    for (let i = 0; i < 20; i++)
      await expect(peekRateLimit("loginAccount", account)).resolves.toMatchObject({ remaining: 5 });
  });

  it("refuses the 6th attempt after 5 failed ones, with a Retry-After, and only for that account", async () => {
    const account = freshId("loginAccount", "victim@example.com");
    for (let i = 0; i < 5; i++) {
      await peekRateLimit("loginAccount", account);
      await consumeRateLimit("loginAccount", account);
    }

    const refusal = await peekRateLimit("loginAccount", account).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    const error = refusal as AppError;
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(error.message).toBe(`Too many attempts, try again in ${error.retryAfter} s`);

    // A 6th failure that slipped past the peek (a concurrent request) is refused by the store, not counted.
    expect(await consumeRateLimit("loginAccount", account)).toMatchObject({ success: false, remaining: 0 });

    const bystander = freshId("loginAccount", "bystander@example.com");
    await expect(peekRateLimit("loginAccount", bystander)).resolves.toMatchObject({ remaining: 5 });

    await resetRateLimit("loginAccount", account);
    await expect(peekRateLimit("loginAccount", account)).resolves.toMatchObject({ remaining: 5 });
  });

  it("keeps per-IP and per-account counters apart", async () => {
    const ip = freshId("loginIp", "203.0.113.7");
    for (let i = 0; i < 5; i++) await consumeRateLimit("loginIp", ip);
    await expect(peekRateLimit("loginIp", ip)).resolves.toMatchObject({ remaining: 15 });
    await expect(peekRateLimit("loginAccount", ip)).resolves.toMatchObject({ remaining: 5 });
  });

  it("checkRateLimit counts every call and throws once the limit is reached", async () => {
    const ip = freshId("loginIp", "198.51.100.1");
    for (let i = 0; i < 20; i++) await checkRateLimit("loginIp", ip);
    await expect(checkRateLimit("loginIp", ip)).rejects.toMatchObject({
      code: "rate_limited",
      retryAfter: expect.any(Number),
    });
  });
});
