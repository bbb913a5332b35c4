import { describe, expect, it } from "vitest";
import { buildCacheKey } from "@/lib/tool-calls/build-cache-key";
import { isSafeToRetry } from "@/lib/tool-calls/is-safe-to-retry";
import { isToolCacheable } from "@/lib/tool-calls/is-tool-cacheable";
import { pickReplica, type ReplicaWeights } from "@/lib/tool-calls/pick-replica";

const replicas = [
  { url: "http://a/mcp", weight: 1 },
  { url: "http://b/mcp", weight: 3 },
  { url: "http://c/mcp", weight: 6 },
];

function tally(picks: number, isAvailable?: (r: { url: string }) => boolean) {
  const weights: ReplicaWeights = new Map();
  const counts: Record<string, number> = {};
  const order: string[] = [];
  for (let i = 0; i < picks; i++) {
    const url = pickReplica(replicas, weights, isAvailable)?.url ?? "none";
    counts[url] = (counts[url] ?? 0) + 1;
    order.push(url);
  }
  return { counts, order };
}

describe("pickReplica (smooth weighted round robin)", () => {
  it("spreads 100 picks exactly by weight, interleaved rather than in bursts", () => {
    const { counts, order } = tally(100);
    expect(counts).toEqual({ "http://a/mcp": 10, "http://b/mcp": 30, "http://c/mcp": 60 });
    // The heaviest replica never gets more than two in a row at 6 of 10.
    expect(order.join(",")).not.toContain(Array(3).fill("http://c/mcp").join(","));
  });

  it("skips a replica whose circuit is open and shares its load by weight", () => {
    const { counts } = tally(90, (r) => r.url !== "http://c/mcp");
    expect(counts).toEqual({ "http://a/mcp": 23, "http://b/mcp": 67 });
  });

  it("returns null when no replica is available", () => {
    expect(pickReplica(replicas, new Map(), () => false)).toBeNull();
  });
});

describe("cache and retry rules", () => {
  it("cache keys ignore argument order but not values, tools or servers", () => {
    const key = buildCacheKey("gh", "echo", { a: 1, b: { y: 2, x: [1, { q: 1, p: 2 }] } });
    expect(buildCacheKey("gh", "echo", { b: { x: [1, { p: 2, q: 1 }], y: 2 }, a: 1 })).toBe(key);
    expect(buildCacheKey("gh", "echo", { a: 2, b: { y: 2, x: [1, { q: 1, p: 2 }] } })).not.toBe(key);
    expect(buildCacheKey("gh", "echo2", { a: 1, b: { y: 2, x: [1, { q: 1, p: 2 }] } })).not.toBe(key);
    expect(buildCacheKey("gl", "echo", { a: 1, b: { y: 2, x: [1, { q: 1, p: 2 }] } })).not.toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("caches only read-only tools with a positive TTL", () => {
    expect(isToolCacheable({ name: "t", cacheTtlSeconds: 60, annotations: { readOnlyHint: true } })).toBe(
      true,
    );
    expect(isToolCacheable({ name: "t", cacheTtlSeconds: 60, annotations: { idempotentHint: true } })).toBe(
      false,
    );
    expect(isToolCacheable({ name: "t", cacheTtlSeconds: 0, annotations: { readOnlyHint: true } })).toBe(
      false,
    );
    expect(isToolCacheable({ name: "t", cacheTtlSeconds: null, annotations: { readOnlyHint: true } })).toBe(
      false,
    );
  });

  it("retries after the request reached the server only when hints or the operator allow it", () => {
    const reached = { reachedServer: true };
    const notSent = { reachedServer: false };
    expect(isSafeToRetry({ name: "charge", annotations: { destructiveHint: true } }, reached)).toBe(false);
    expect(isSafeToRetry({ name: "charge", annotations: { destructiveHint: true } }, notSent)).toBe(true);
    expect(isSafeToRetry({ name: "echo", annotations: { readOnlyHint: true } }, reached)).toBe(true);
    expect(isSafeToRetry({ name: "put", annotations: { idempotentHint: true } }, reached)).toBe(true);
    expect(isSafeToRetry({ name: "charge", retryOverride: "always" }, reached)).toBe(true);
    expect(
      isSafeToRetry({ name: "echo", annotations: { readOnlyHint: true }, retryOverride: "never" }, notSent),
    ).toBe(false);
  });
});
