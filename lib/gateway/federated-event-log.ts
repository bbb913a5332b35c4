import { getRedis } from "@/lib/redis/get-redis";
import type { SseEvent } from "./parse-sse-events";

/*
 * What a federated session's GET stream sent, kept for a while so a client that lost the stream can resume it with
 * Last-Event-ID on any instance (Streamable HTTP resumability): the last MAX_EVENTS events, forgotten
 * WINDOW_SECONDS after the last one. In Redis a stream per session, whose entry ids are the SSE event ids; without
 * Redis this process's memory, with a counter for ids.
 */
const MAX_EVENTS = 500;
const WINDOW_SECONDS = 10 * 60;
const PREFIX = "orbit:mcp:events:";

type Logged = { id: string; event: SseEvent };

const globalForLog = globalThis as unknown as {
  orbitFederatedEventLog?: Map<string, { next: number; events: Logged[]; expiresAt: number }>;
};
globalForLog.orbitFederatedEventLog ??= new Map();
const memory = globalForLog.orbitFederatedEventLog;

export const federatedEventLog = {
  /** Keeps one event of the session's stream; resolves with its id. */
  async append(sessionId: string, event: SseEvent): Promise<string> {
    const redis = getRedis();
    const stored = { event: event.event, data: event.data };
    if (redis) {
      const id = await redis.xadd(
        PREFIX + sessionId,
        "*",
        { e: JSON.stringify(stored) },
        { trim: { type: "MAXLEN", threshold: MAX_EVENTS, comparison: "~" } },
      );
      await redis.expire(PREFIX + sessionId, WINDOW_SECONDS);
      return id;
    }
    const now = Date.now();
    let entry = memory.get(sessionId);
    if (!entry || entry.expiresAt <= now) {
      entry = { next: 1, events: [], expiresAt: 0 };
      memory.set(sessionId, entry);
    }
    const id = String(entry.next++);
    entry.events.push({ id, event: stored });
    if (entry.events.length > MAX_EVENTS) entry.events.shift();
    entry.expiresAt = now + WINDOW_SECONDS * 1000;
    return id;
  },

  /**
   * The kept events after `lastEventId`, oldest first. An id this log never gave (another session's, a forged one)
   * gets none; one older than what is still kept gets all that is kept.
   */
  async after(sessionId: string, lastEventId: string): Promise<Logged[]> {
    const redis = getRedis();
    if (redis) {
      if (!/^\d{1,20}-\d{1,20}$/.test(lastEventId)) return [];
      const page = (await redis.xrange(PREFIX + sessionId, `(${lastEventId}`, "+", MAX_EVENTS)) as Record<
        string,
        { e?: unknown }
      >;
      return Object.entries(page).map(([id, fields]) => ({
        id,
        event: (typeof fields.e === "string" ? JSON.parse(fields.e) : fields.e) as SseEvent,
      }));
    }
    const entry = memory.get(sessionId);
    if (!entry || entry.expiresAt <= Date.now() || !/^\d{1,15}$/.test(lastEventId)) return [];
    const last = Number(lastEventId);
    return entry.events.filter((logged) => Number(logged.id) > last);
  },

  /** The id of the newest kept event, or "0-0"/"0" when there is none: what a fresh stream resumes after. */
  async newest(sessionId: string): Promise<string> {
    const redis = getRedis();
    if (redis) {
      const newest = await redis.xrevrange(PREFIX + sessionId, "+", "-", 1);
      return Object.keys(newest)[0] ?? "0-0";
    }
    const entry = memory.get(sessionId);
    return entry && entry.expiresAt > Date.now() ? (entry.events.at(-1)?.id ?? "0") : "0";
  },

  async forget(sessionId: string): Promise<void> {
    const redis = getRedis();
    if (redis) await redis.del(PREFIX + sessionId);
    else memory.delete(sessionId);
  },
};
