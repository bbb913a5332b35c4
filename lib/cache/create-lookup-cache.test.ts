import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLookupCache, forgetLookups } from "./create-lookup-cache";

function counting<V>(values: () => V) {
  const calls: string[] = [];
  const load = async (key: string) => {
    calls.push(key);
    return values();
  };
  return { calls, load };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createLookupCache", () => {
  it("loads once within the TTL and again after it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let version = 1;
    const { calls, load } = counting(() => version);
    const cache = createLookupCache({ name: randomUUID(), groups: [], load, ttlMs: 5_000 });
    expect(await cache.get("a")).toBe(1);
    version = 2;
    expect(await cache.get("a")).toBe(1);
    vi.setSystemTime(Date.now() + 5_001);
    expect(await cache.get("a")).toBe(2);
    expect(calls).toEqual(["a", "a"]);
  });

  it("shares one load between concurrent misses", async () => {
    const { calls, load } = counting(() => "row");
    const cache = createLookupCache({ name: randomUUID(), groups: [], load, ttlMs: 5_000 });
    expect(await Promise.all([cache.get("a"), cache.get("a"), cache.get("a")])).toEqual([
      "row",
      "row",
      "row",
    ]);
    expect(calls).toHaveLength(1);
  });

  it("does not keep values the caller says not to (a key not found yet may exist next time)", async () => {
    let found: string | null = null;
    const { calls, load } = counting(() => found);
    const cache = createLookupCache({
      name: randomUUID(),
      groups: [],
      load,
      ttlMs: 5_000,
      keep: (v) => v !== null,
    });
    expect(await cache.get("a")).toBeNull();
    found = "created elsewhere";
    expect(await cache.get("a")).toBe("created elsewhere");
    expect(calls).toHaveLength(2);
  });

  it("forgets its group at once, and a load that was running when forgotten is not kept", async () => {
    let version = 1;
    let release: () => void = () => {};
    const cache = createLookupCache({
      name: randomUUID(),
      groups: ["tools"],
      ttlMs: 5_000,
      load: async () => {
        const seen = version;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return seen;
      },
    });
    const stale = cache.get("a");
    version = 2;
    forgetLookups("tools");
    release();
    expect(await stale).toBe(1);
    const fresh = cache.get("a");
    release();
    expect(await fresh).toBe(2);
  });

  it("drops the oldest entry when full", async () => {
    const { calls, load } = counting(() => "v");
    const cache = createLookupCache({ name: randomUUID(), groups: [], load, ttlMs: 5_000, maxEntries: 2 });
    await cache.get("a");
    await cache.get("b");
    await cache.get("c");
    await cache.get("b");
    await cache.get("a");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
