import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { createSessionRevocations } from "./create-session-revocations";

// The Redis-backed case is registered only when there is a test Redis; the in-process one always runs.
const testRedis = TEST_REDIS_URL === null ? null : createTestRedis();
const prefix = testRedis?.prefix ?? `orbit-test:${randomUUID()}:`;
afterAll(async () => {
  await testRedis?.cleanup();
});

type Backend = [name: string, create: () => ReturnType<typeof createSessionRevocations>];
const backends: Backend[] = [
  ...(testRedis ? [["Redis", () => createSessionRevocations(testRedis.redis)] satisfies Backend] : []),
  ["in-process", () => createSessionRevocations(null)],
];

describe.each(backends)("session revocations (%s)", (_name, create) => {
  it("refuses a revoked session until its expiry and leaves other sessions alone", async () => {
    const revocations = create();
    const id = `${prefix}session-${Math.random()}`;
    expect(await revocations.isRevoked(id)).toBe(false);
    await revocations.revoke(id, new Date(Date.now() + 60_000));
    expect(await revocations.isRevoked(id)).toBe(true);
    expect(await revocations.isRevoked(`${id}-other`)).toBe(false);
  });

  it("does not remember a session whose token has already expired", async () => {
    const revocations = create();
    const id = `${prefix}expired-${Math.random()}`;
    await revocations.revoke(id, new Date(Date.now() - 1_000));
    expect(await revocations.isRevoked(id)).toBe(false);
  });
});
