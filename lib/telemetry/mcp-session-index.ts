import { getRedis } from "@/lib/redis/get-redis";
import { log } from "@/lib/telemetry/log";

export type McpSessionKind = "passthrough" | "federated";

const kinds: McpSessionKind[] = ["passthrough", "federated"];
// One sorted set per endpoint: member = session id, score = when the session expires (ms). Every write mirrors the
// session key's own TTL, so counting the members whose score is still ahead counts exactly the live sessions, in one
// O(log n) command, on any instance.
const KEY = "orbit:mcp:sessions:";

// Without Redis the sessions live in this process's memory, and so does their index: right for the one instance.
const globalForIndex = globalThis as typeof globalThis & {
  orbitMcpSessionIndex?: Map<McpSessionKind, Map<string, number>>;
};
globalForIndex.orbitMcpSessionIndex ??= new Map(kinds.map((kind) => [kind, new Map()]));
const memory = globalForIndex.orbitMcpSessionIndex;

let warned = false;

/**
 * Live MCP gateway sessions per endpoint, for the `orbit_mcp_sessions` gauge. The session store calls saved/used/
 * closed beside its own writes, without awaiting them: a count that fails must never fail or slow a session, so
 * these never throw (a failure is logged once until one succeeds again).
 */
export const mcpSessionIndex = {
  saved(session: { id: string; kind?: string }, ttlSeconds: number): Promise<void> {
    return quietly(async () => {
      const kind = kindOf(session);
      const redis = getRedis();
      const now = Date.now();
      if (!redis) {
        const sessions = memory.get(kind)!;
        for (const [id, expiresAt] of sessions) if (expiresAt <= now) sessions.delete(id);
        sessions.set(session.id, now + ttlSeconds * 1000);
        return;
      }
      // Expired members are dropped when sessions are saved, so the set never outgrows the live sessions by much.
      await Promise.all([
        redis.zadd(KEY + kind, { score: now + ttlSeconds * 1000, member: session.id }),
        redis.zremrangebyscore(KEY + kind, "-inf", now),
      ]);
    });
  },

  /** After a use that found the session: its life was just extended, and so is its place in the count. */
  used(session: { id: string; kind?: string }, ttlSeconds: number): Promise<void> {
    return quietly(async () => {
      const kind = kindOf(session);
      const expiresAt = Date.now() + ttlSeconds * 1000;
      const redis = getRedis();
      if (!redis) memory.get(kind)!.set(session.id, expiresAt);
      else await redis.zadd(KEY + kind, { score: expiresAt, member: session.id });
    });
  },

  closed(id: string): Promise<void> {
    return quietly(async () => {
      const redis = getRedis();
      if (!redis) for (const sessions of memory.values()) sessions.delete(id);
      else await Promise.all(kinds.map((kind) => redis.zrem(KEY + kind, id)));
    });
  },

  /** Live sessions per endpoint now. Throws when Redis does not answer (the scrape reports the gauge empty). */
  async count(): Promise<Record<McpSessionKind, number>> {
    const now = Date.now();
    const redis = getRedis();
    const counts = await Promise.all(
      kinds.map(async (kind) => {
        if (redis) return redis.zcount(KEY + kind, `(${now}`, "+inf");
        let live = 0;
        for (const expiresAt of memory.get(kind)!.values()) if (expiresAt > now) live++;
        return live;
      }),
    );
    return { passthrough: counts[0]!, federated: counts[1]! };
  },
};

function kindOf(session: { kind?: string }): McpSessionKind {
  return session.kind === "federated" ? "federated" : "passthrough";
}

async function quietly(run: () => Promise<void>): Promise<void> {
  try {
    await run();
    warned = false;
  } catch (error) {
    if (warned) return;
    warned = true;
    log.warn("MCP session count not updated; orbit_mcp_sessions may be off until Redis answers", {
      error: String(error),
    });
  }
}
