import { EventEmitter } from "node:events";
import type { Redis } from "@upstash/redis";
import { compareLiveEventIds, type LiveEvent, type LiveEventInput } from "./live-event";

export type LiveLog = {
  /** Stores an event and returns it with its id. */
  append(input: LiveEventInput): Promise<LiveEvent>;
  /** Up to `limit` events after `afterId` (exclusive), oldest first: what a reconnecting client missed. */
  readAfter(afterId: string, limit: number): Promise<LiveEvent[]>;
  /** The newest `limit` events, oldest first: the backlog a fresh page opens with. */
  readLatest(limit: number): Promise<LiveEvent[]>;
  /** Resolves after `ms`, or sooner when this process appends, or when `signal` aborts. */
  waitForAppend(ms: number, signal: AbortSignal): Promise<void>;
  /** Says a stream is open here (cheap to call often): every instance will see the log as watched for 2 minutes. */
  markWatched(): void;
  /**
   * Whether any instance had a stream open in the last 2 minutes. Answers from memory at once (the hot path asks on
   * every request) and refreshes from Redis in the background at most every 2 s.
   */
  isWatched(): boolean;
};

const WATCH_TTL_MS = 120_000;
const WATCH_MARK_EVERY_MS = 10_000;
const WATCH_CHECK_EVERY_MS = 2_000;

/**
 * The live log's replay buffer: a Redis stream trimmed to about `maxLen` entries, whose entry ids are the SSE event
 * ids, so a client that reconnects with Last-Event-ID reads exactly what it missed (XRANGE from that id, exclusive)
 * whichever instance it reaches. The event fan-out (lib/redis/create-event-fanout.ts) is the same kind of stream but
 * hides its ids and reads only forward from "now", so it cannot resume; this is its replayable sibling, written with
 * the same XADD/MAXLEN pattern. Without Redis it is a ring buffer in this process with Redis-shaped ids.
 */
export function createLiveLog(options: { redis: Redis | null; key: string; maxLen?: number }): LiveLog {
  const maxLen = options.maxLen ?? 10_000;
  const appended = new EventEmitter();
  appended.setMaxListeners(0);
  const store = options.redis ? redisStore(options.redis, options.key, maxLen) : memoryStore(maxLen);
  const { redis } = options;
  const watchedKey = `${options.key}:watched`;
  const watch = { until: 0, markedAt: 0, checkedAt: 0, checking: false };
  return {
    markWatched() {
      const now = Date.now();
      watch.until = now + WATCH_TTL_MS;
      if (!redis || now - watch.markedAt < WATCH_MARK_EVERY_MS) return;
      watch.markedAt = now;
      redis.set(watchedKey, "1", { px: WATCH_TTL_MS }).catch(() => {
        // Other instances may then skip request events for a while; this one still publishes them.
      });
    },
    isWatched() {
      const now = Date.now();
      if (redis && !watch.checking && now - watch.checkedAt >= WATCH_CHECK_EVERY_MS) {
        watch.checkedAt = now;
        watch.checking = true;
        redis
          .pttl(watchedKey)
          .then((ms) => {
            if (ms > 0) watch.until = Math.max(watch.until, Date.now() + ms);
          })
          .catch(() => {})
          .finally(() => {
            watch.checking = false;
          });
      }
      return now < watch.until;
    },
    async append(input) {
      const event = await store.append({ ...input, at: new Date().toISOString() });
      appended.emit("append");
      return event;
    },
    readAfter: (afterId, limit) => store.readAfter(afterId, limit),
    readLatest: (limit) => store.readLatest(limit),
    waitForAppend(ms, signal) {
      return new Promise((resolve) => {
        if (signal.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          appended.off("append", done);
          signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        appended.on("append", done);
        signal.addEventListener("abort", done);
      });
    },
  };
}

type Unstamped = Omit<LiveEvent, "id">;
type Store = Pick<LiveLog, "readAfter" | "readLatest"> & { append(event: Unstamped): Promise<LiveEvent> };

function redisStore(redis: Redis, key: string, maxLen: number): Store {
  const toEvents = (page: Record<string, Record<string, unknown>>) =>
    Object.entries(page).flatMap(([id, fields]) => {
      const event = parse(fields.e);
      return event ? [{ ...event, id }] : [];
    });
  return {
    async append(event) {
      const id = await redis.xadd(
        key,
        "*",
        { e: JSON.stringify(event) },
        // "~" lets Redis trim whole nodes: cheap, and the buffer stays at least maxLen long.
        { trim: { type: "MAXLEN", threshold: maxLen, comparison: "~" } },
      );
      return { ...event, id: String(id) };
    },
    async readAfter(afterId, limit) {
      return toEvents(await redis.xrange(key, `(${afterId}`, "+", limit));
    },
    async readLatest(limit) {
      return toEvents(await redis.xrevrange(key, "+", "-", limit)).reverse();
    },
  };
}

// The Upstash client may hand back a JSON field already parsed; accept both forms.
function parse(value: unknown): Unstamped | null {
  try {
    const event = typeof value === "string" ? JSON.parse(value) : value;
    return event && typeof event === "object" ? (event as Unstamped) : null;
  } catch {
    return null;
  }
}

function memoryStore(maxLen: number): Store {
  const events: LiveEvent[] = [];
  let lastMs = 0;
  let seq = 0;
  return {
    async append(event) {
      // Redis's rule: the time in ms, and a sequence when two events share a millisecond (or the clock steps back).
      const now = Date.now();
      if (now > lastMs) {
        lastMs = now;
        seq = 0;
      } else seq += 1;
      const stored = { ...event, id: `${lastMs}-${seq}` };
      events.push(stored);
      if (events.length > maxLen) events.splice(0, events.length - maxLen);
      return stored;
    },
    async readAfter(afterId, limit) {
      const start = events.findIndex((event) => compareLiveEventIds(event.id, afterId) > 0);
      return start === -1 ? [] : events.slice(start, start + limit);
    },
    async readLatest(limit) {
      return events.slice(-limit);
    },
  };
}
