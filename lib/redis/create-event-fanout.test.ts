import { afterEach, describe, expect, it } from "vitest";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { createEventFanout } from "./create-event-fanout";

async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("createEventFanout without Redis", () => {
  it("delivers to this process's subscribers of the topic, and stops after unsubscribe", async () => {
    const fanout = createEventFanout({ redis: null, key: "unused" });
    const seen: unknown[] = [];
    const other: unknown[] = [];
    const stop = fanout.subscribe("a", (data) => seen.push(data));
    fanout.subscribe("b", (data) => other.push(data));
    await fanout.publish("a", { n: 1 });
    stop();
    await fanout.publish("a", { n: 2 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(other).toEqual([]);
  });
});

describe.runIf(TEST_REDIS_URL !== null)("createEventFanout over Redis", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    // Last registered first: the pollers stop before their Redis connection closes.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("carries an event from one process to another's subscribers, and to its own once", async () => {
    const test = createTestRedis();
    cleanups.push(test.cleanup);
    const key = `${test.prefix}events`;
    // Two fan-outs on one stream are two processes: each has its own origin and its own poller.
    const here = createEventFanout({ redis: test.redis, key, pollMs: 50 });
    const there = createEventFanout({ redis: test.redis, key, pollMs: 50 });
    const heardHere: unknown[] = [];
    const heardThere: unknown[] = [];
    const stops = [
      here.subscribe("mcp.test", (data) => heardHere.push(data)),
      there.subscribe("mcp.test", (data) => heardThere.push(data)),
    ];
    cleanups.push(async () => {
      for (const stop of stops) stop();
    });
    // Let both pollers find where the stream ends before anything is published.
    await new Promise((resolve) => setTimeout(resolve, 200));

    await here.publish("mcp.test", { serverId: "s1", list: "tools" });
    await here.publish("mcp.other", { ignored: true });
    await eventually(() => heardThere.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heardThere).toEqual([{ serverId: "s1", list: "tools" }]);
    expect(heardHere).toEqual([{ serverId: "s1", list: "tools" }]);
  });
});
