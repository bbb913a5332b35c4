import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/logs/stream/route";
import { getPrisma } from "@/lib/db/get-prisma";
import { createSseParser, type SseEvent } from "@/lib/gateway/parse-sse-events";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { flushRequestLog, recordRequest } from "@/lib/telemetry/record-request";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { createLiveLog, type LiveLog } from "./create-live-log";
import { getLiveLog } from "./get-live-log";
import type { LiveEvent } from "./live-event";
import { openLiveStream } from "./open-live-stream";
import { toRequestLiveEvent } from "./to-request-live-event";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One web instance serving the live log the way the route does (no auth: the route's own test covers that). */
async function serveInstance(liveLog: LiveLog): Promise<string> {
  const served = await serveRouteHandler({
    params: (path) => (path === "/stream" ? {} : null),
    handler: async (request) =>
      new Response(
        openLiveStream({
          liveLog,
          lastEventId: request.headers.get("last-event-id"),
          signal: request.signal,
          pollMs: 50,
        }),
        { headers: { "content-type": "text/event-stream" } },
      ),
  });
  cleanups.push(served.stop);
  return `${served.origin}/stream`;
}

/** An EventSource-like client: collects `live` events, and can drop its connection like a flaky network. */
async function connect(url: string, lastEventId?: string) {
  const abort = new AbortController();
  const events: LiveEvent[] = [];
  let ready = false;
  const response = await fetch(url, {
    headers: lastEventId ? { "last-event-id": lastEventId } : {},
    signal: abort.signal,
  });
  const parser = createSseParser((event: SseEvent) => {
    if (event.event === "ready") ready = true;
    if (event.event === "live") events.push(JSON.parse(event.data) as LiveEvent);
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // Dropped on purpose.
    }
  })();
  const drop = () => abort.abort();
  cleanups.push(async () => drop());
  return { events, drop, isReady: () => ready };
}

async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const line = (n: number) => ({ kind: "request" as const, level: "info" as const, message: `event ${n}` });

async function resumeLosesNothing(instances: { producer: LiveLog; first: LiveLog; second: LiveLog }) {
  const firstUrl = await serveInstance(instances.first);
  const secondUrl = await serveInstance(instances.second);

  const before = await connect(firstUrl);
  await eventually(before.isReady);
  for (const n of [1, 2]) await instances.producer.append(line(n));
  await eventually(() => before.events.length === 2);
  before.drop();

  // Published while the page has no connection at all.
  for (const n of [3, 4, 5]) await instances.producer.append(line(n));

  // EventSource reconnects with the last id it saw, possibly to another instance.
  const after = await connect(secondUrl, before.events.at(-1)!.id);
  await instances.producer.append(line(6));
  await eventually(() => after.events.length >= 4);
  await new Promise((resolve) => setTimeout(resolve, 200));

  const seen = [...before.events, ...after.events].map((event) => event.message);
  expect(seen).toEqual([1, 2, 3, 4, 5, 6].map((n) => `event ${n}`));
  const ids = [...before.events, ...after.events].map((event) => event.id);
  expect(new Set(ids).size).toBe(6);
}

describe.runIf(TEST_REDIS_URL !== null)("live log over Redis", () => {
  it("live-log resume after a dropped connection loses no event, across instances", async () => {
    const test = createTestRedis();
    cleanups.push(test.cleanup);
    const key = `${test.prefix}live`;
    // Three logs on one stream are three processes: a producer (the gateway) and two web instances.
    const [producer, first, second] = [1, 2, 3].map(() => createLiveLog({ redis: test.redis, key }));
    await resumeLosesNothing({ producer: producer!, first: first!, second: second! });
  });

  it("tells every instance that someone watches once a stream is open on any of them", async () => {
    const test = createTestRedis();
    cleanups.push(test.cleanup);
    const key = `${test.prefix}live`;
    const [gateway, web] = [1, 2].map(() => createLiveLog({ redis: test.redis, key }));
    // The first question starts a background read; nobody watches yet.
    expect(gateway!.isWatched()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gateway!.isWatched()).toBe(false);

    const url = await serveInstance(web!);
    const viewer = await connect(url);
    await eventually(viewer.isReady);
    expect(web!.isWatched()).toBe(true);
    // Another instance learns it from Redis within its 2 s refresh.
    await eventually(() => gateway!.isWatched(), 4_000);
  });

  it("opens with the newest events and keeps about maxLen of them", async () => {
    const test = createTestRedis();
    cleanups.push(test.cleanup);
    const liveLog = createLiveLog({ redis: test.redis, key: `${test.prefix}live`, maxLen: 100 });
    for (let n = 1; n <= 400; n++) await liveLog.append(line(n));
    const latest = await liveLog.readLatest(3);
    expect(latest.map((event) => event.message)).toEqual(["event 398", "event 399", "event 400"]);
    expect(await test.redis.xlen(`${test.prefix}live`)).toBeLessThan(400);
  });
});

describe("live log in one process (no Redis)", () => {
  it("live-log resume after a dropped connection loses no event", async () => {
    const liveLog = createLiveLog({ redis: null, key: "unused" });
    await resumeLosesNothing({ producer: liveLog, first: liveLog, second: liveLog });
  });

  it("counts as watched only once a stream has been opened", async () => {
    const liveLog = createLiveLog({ redis: null, key: "unused" });
    expect(liveLog.isWatched()).toBe(false);
    const viewer = await connect(await serveInstance(liveLog));
    await eventually(viewer.isReady);
    expect(liveLog.isWatched()).toBe(true);
  });

  it("keeps ids increasing within one millisecond and drops the oldest beyond maxLen", async () => {
    const liveLog = createLiveLog({ redis: null, key: "unused", maxLen: 5 });
    const ids: string[] = [];
    for (let n = 1; n <= 8; n++) ids.push((await liveLog.append(line(n))).id);
    expect(new Set(ids).size).toBe(8);
    const kept = await liveLog.readAfter("0-0", 100);
    expect(kept.map((event) => event.message)).toEqual([4, 5, 6, 7, 8].map((n) => `event ${n}`));
    expect(await liveLog.readAfter(ids[7]!, 10)).toEqual([]);
  });
});

describe("request rows in the live log", () => {
  it("shows a recorded tool call to whoever has the live log open", async () => {
    const viewer = await connect(await serveInstance(getLiveLog()));
    await eventually(viewer.isReady);
    const requestId = crypto.randomUUID();
    recordRequest({
      requestId,
      source: "rest",
      serverSlug: "everything",
      tool: "echo",
      status: "succeeded",
      latencyMs: 12,
      attempts: 1,
      requestBody: { secret: "never shown live" },
    });
    await eventually(() => viewer.events.some((event) => event.data?.requestId === requestId));
    const event = viewer.events.find((e) => e.data?.requestId === requestId)!;
    expect(event).toMatchObject({ kind: "request", level: "info", server: "everything" });
    expect(event.message).toBe("rest everything/echo succeeded 12 ms");
    expect(JSON.stringify(event)).not.toContain("never shown live");
    await flushRequestLog();
    await getPrisma().requestLog.deleteMany({ where: { requestId } });
  });
});

describe("GET /api/v1/logs/stream", () => {
  it("refuses a caller without a session in the error envelope", async () => {
    const response = await GET(new Request("http://127.0.0.1/api/v1/logs/stream"));
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("unauthenticated");
  });
});

describe("toRequestLiveEvent", () => {
  it("shows a failed call as an error line with its server, tool and code, and no body", () => {
    const event = toRequestLiveEvent({
      requestId: "r1",
      source: "gateway",
      serverSlug: "everything",
      tool: "echo",
      status: "failed",
      errorCode: "upstream_timeout",
      latencyMs: 1234.4,
      attempts: 2,
    });
    expect(event).toMatchObject({ kind: "error", level: "error", server: "everything" });
    expect(event.message).toBe("gateway everything/echo failed (upstream_timeout) 1234 ms");
    expect(
      toRequestLiveEvent({ requestId: "r2", source: "rest", status: "succeeded", latencyMs: 5 }).level,
    ).toBe("info");
  });
});
