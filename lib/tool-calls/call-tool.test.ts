import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { createCircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { createResponseCache } from "@/lib/resilience/response-cache";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { type FlakyMcpServer, startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";
import { type CallToolOptions, callTool } from "@/lib/tool-calls/call-tool";
import { createClientPool } from "@/lib/tool-calls/create-client-pool";
import type { ToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import type { ToolCallOutcome, ToolCallTarget, ToolCallTool } from "@/lib/tool-calls/tool-call-types";

// Redis-backed cases run when the test setup found a Redis (REDIS_URL or a local one); in-process always runs.
const testRedis = TEST_REDIS_URL === null ? null : createTestRedis();
const redis = testRedis?.redis ?? null;
const prefix = testRedis?.prefix ?? `orbit-test:${randomUUID()}:`;
const cleanup = async () => {
  await testRedis?.cleanup();
};
let primary: FlakyMcpServer;
let spare: FlakyMcpServer;
let deadUrl: string;
const pools: ToolCallDeps["pool"][] = [];

beforeAll(async () => {
  [primary, spare] = await Promise.all([startFlakyMcpServer(), startFlakyMcpServer()]);
  deadUrl = `http://127.0.0.1:${await findClosedPort()}/mcp`;
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.closeAll()));
  await Promise.all([primary?.stop(), spare?.stop()]);
  await cleanup();
});

const echo: ToolCallTool = { name: "echo", annotations: { readOnlyHint: true, idempotentHint: true } };
const charge: ToolCallTool = {
  name: "charge",
  annotations: { destructiveHint: true, idempotentHint: false },
};
const caller = { kind: "rest" as const, id: "test" };
// Fast backoff: the tests are about which attempts happen, not how long they wait.
const policy = { retries: 2, backoffBaseMs: 10, backoffMaxMs: 20 };

function target(server: { url: string } | string, overrides: Partial<ToolCallTarget> = {}): ToolCallTarget {
  const url = typeof server === "string" ? server : server.url;
  return {
    serverId: `srv-${randomUUID()}`,
    slug: `slug-${randomUUID()}`,
    replicas: [{ url, weight: 1 }],
    transport: "streamable_http",
    timeoutMs: 5_000,
    ...overrides,
  };
}

describe.each([
  { name: "in-process fallback", withRedis: false },
  ...(redis ? [{ name: "Redis", withRedis: true }] : []),
])("callTool with $name state", ({ withRedis }) => {
  let deps: ToolCallDeps;
  beforeAll(() => {
    const store = withRedis ? redis : null;
    const pool = createClientPool();
    pools.push(pool);
    deps = {
      breaker: createCircuitBreaker(store, { prefix: `${prefix}cb:` }),
      cache: createResponseCache(store, { prefix: `${prefix}rc:` }),
      pool,
      weights: new Map(),
    };
  });
  const call = (options: Omit<CallToolOptions, "deps" | "caller">) =>
    callTool({ caller, deps, policy, ...options });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable("the call should have failed"),
      (error: unknown) => {
        expect(error).toBeInstanceOf(AppError);
        return error as AppError;
      },
    );

  it("calls a tool through a pooled client and reports the outcome", async () => {
    const outcomes: ToolCallOutcome[] = [];
    const t = target(primary);
    const first = await call({
      target: t,
      tool: echo,
      args: { text: "hi" },
      record: (o) => outcomes.push(o),
    });
    expect(first).toMatchObject({ attempts: 1, cached: false, replicaUrl: primary.url, servedBy: "primary" });
    expect(first.result.content).toEqual([{ type: "text", text: "hi" }]);
    expect(first.latencyMs).toBeGreaterThanOrEqual(0);
    const sizeBefore = deps.pool.size();
    await call({ target: t, tool: echo, args: { text: "again" } });
    expect(deps.pool.size()).toBe(sizeBefore);
    expect(outcomes).toEqual([
      expect.objectContaining({
        ok: true,
        tool: "echo",
        serverId: t.serverId,
        attempts: 1,
        caller,
        errorCode: null,
      }),
    ]);
  });

  it("serves a cacheable tool from cache and never caches charge", async () => {
    const t = target(primary);
    const cachedEcho = { ...echo, cacheTtlSeconds: 60 };
    const text = randomUUID();
    const before = primary.counts().calls.echo;
    const first = await call({ target: t, tool: cachedEcho, args: { text } });
    const second = await call({ target: t, tool: cachedEcho, args: { text } });
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ cached: true, attempts: 0, result: first.result });
    expect(primary.counts().calls.echo).toBe(before + 1);

    // The same TTL on a tool that is not read-only changes nothing.
    const charges = primary.counts().calls.charge;
    await call({ target: t, tool: { ...charge, cacheTtlSeconds: 60 }, args: { amount: 1 } });
    const again = await call({ target: t, tool: { ...charge, cacheTtlSeconds: 60 }, args: { amount: 1 } });
    expect(again.cached).toBe(false);
    expect(primary.counts().calls.charge).toBe(charges + 2);
  });

  it("never repeats charge when the connection drops mid-call, but retries echo", async () => {
    const t = target(primary);
    await call({ target: t, tool: echo, args: { text: "warm" } });

    const charges = primary.counts().calls.charge;
    primary.setMode("drop", { times: 1 });
    const error = await failure(call({ target: t, tool: charge, args: { amount: 5 } }));
    expect(error.code).toBe("upstream_error");
    expect(error.details).toMatchObject({ attempts: 1, reachedServer: true });
    expect(primary.counts().calls.charge).toBe(charges + 1);

    const echoes = primary.counts().calls.echo;
    primary.setMode("drop", { times: 1 });
    const retried = await call({ target: t, tool: echo, args: { text: "after drop" } });
    expect(retried.attempts).toBe(2);
    expect(primary.counts().calls.echo).toBe(echoes + 2);
  });

  it("retries even charge when the request provably never left (connection refused)", async () => {
    const t = target(primary, {
      replicas: [
        { url: deadUrl, weight: 1 },
        { url: primary.url, weight: 1 },
      ],
    });
    const charges = primary.counts().calls.charge;
    const answer = await call({ target: t, tool: charge, args: { amount: 1 } });
    expect(answer).toMatchObject({ attempts: 2, replicaUrl: primary.url });
    expect(primary.counts().calls.charge).toBe(charges + 1);
  });

  it("opens the circuit after N failures, fails fast without touching the server, then recovers", async () => {
    const t = target(primary);
    const circuit = { failureThreshold: 3, openMs: 400 };
    primary.setMode("fail500");
    try {
      for (let i = 0; i < 3; i++) {
        const error = await failure(
          call({ target: t, tool: charge, args: { amount: 1 }, policy: { ...policy, circuit } }),
        );
        expect(error.code).toBe("upstream_error");
      }
      const requests = primary.counts().requests;
      const open = await failure(
        call({ target: t, tool: echo, args: { text: "x" }, policy: { ...policy, circuit } }),
      );
      expect(open.code).toBe("circuit_open");
      expect(open.status).toBe(503);
      expect(open.details?.attempts).toBe(0);
      expect(primary.counts().requests).toBe(requests);
    } finally {
      primary.setMode("ok");
    }

    // After openMs one probe goes through; its success closes the circuit.
    await vi.waitFor(
      async () => {
        const answer = await call({
          target: t,
          tool: echo,
          args: { text: "back" },
          policy: { ...policy, circuit },
        });
        expect(answer.attempts).toBe(1);
      },
      { timeout: 5_000, interval: 100 },
    );
    const after = await call({
      target: t,
      tool: echo,
      args: { text: "closed" },
      policy: { ...policy, circuit },
    });
    expect(after.servedBy).toBe("primary");
  });

  it("counts a tool's isError answer as a healthy call", async () => {
    const t = target(primary);
    const circuit = { failureThreshold: 1 };
    for (let i = 0; i < 3; i++) {
      const answer = await call({
        target: t,
        tool: charge,
        args: { amount: -1 },
        policy: { ...policy, circuit },
      });
      expect(answer.result.isError).toBe(true);
    }
  });

  it("uses the fallback target while the primary's circuit is open", async () => {
    const t = target(deadUrl);
    const fallback = target(spare);
    const circuit = { failureThreshold: 1, openMs: 60_000 };
    const options = {
      target: t,
      fallback,
      tool: echo,
      args: { text: "fb" },
      policy: { ...policy, retries: 0, circuit },
    };
    const refused = await failure(call(options));
    expect(refused.code).toBe("upstream_error");
    // Connection refused: callers may retry even a non-idempotent tool later (the delivery schedule does).
    expect(refused.details).toMatchObject({ attempts: 1, reachedServer: false });

    const echoes = spare.counts().calls.echo;
    const answer = await call(options);
    expect(answer).toMatchObject({ servedBy: "fallback", replicaUrl: spare.url, attempts: 1 });
    expect(spare.counts().calls.echo).toBe(echoes + 1);
  });

  it("skips a replica whose circuit is open", async () => {
    const t = target(primary, {
      replicas: [
        { url: deadUrl, weight: 5 },
        { url: primary.url, weight: 1 },
      ],
    });
    const circuit = { failureThreshold: 1, openMs: 60_000 };
    // The first pick is the dead replica; its refusal opens its circuit, the retry lands on the live one.
    const first = await call({ target: t, tool: echo, args: { text: "1" }, policy: { ...policy, circuit } });
    expect(first).toMatchObject({ attempts: 2, replicaUrl: primary.url });
    for (let i = 0; i < 5; i++) {
      const answer = await call({
        target: t,
        tool: echo,
        args: { text: "n" },
        policy: { ...policy, circuit },
      });
      expect(answer).toMatchObject({ attempts: 1, replicaUrl: primary.url });
    }
  });

  it("gives up at the deadline with upstream_timeout", async () => {
    const t = target(primary, { timeoutMs: 300 });
    await call({ target: t, tool: echo, args: { text: "warm" } });
    primary.setMode("slow", { delayMs: 3_000, times: 1 });
    const started = performance.now();
    const error = await failure(call({ target: t, tool: echo, args: { text: "late" } }));
    const elapsed = performance.now() - started;
    expect(error.code).toBe("upstream_timeout");
    expect(error.status).toBe(504);
    expect(error.details).toMatchObject({ attempts: 1, timeoutMs: 300 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 700);
  });
});
