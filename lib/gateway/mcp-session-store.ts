import { getRedis } from "@/lib/redis/get-redis";

/**
 * One downstream MCP session of the passthrough endpoint: which upstream replica and upstream session it rides on,
 * and the client's initialize request, kept so an expired upstream session can be re-opened without the client
 * noticing. Stored outside the process (Redis) because consecutive requests of one session may reach different web
 * instances or serverless invocations.
 */
export type McpSession = {
  id: string;
  serverId: string;
  apiKeyId: string;
  replicaUrl: string;
  /** Null when the upstream runs stateless (it sent no Mcp-Session-Id). */
  upstreamSessionId: string | null;
  /** The params of the client's initialize request, replayed to open a new upstream session. */
  initializeParams: unknown;
};

// Idle sessions are forgotten after a day, as most MCP servers do with their own; every use extends it.
const TTL_SECONDS = 24 * 60 * 60;
const PREFIX = "orbit:mcp:session:";

// Without Redis: one process's memory, which is right for a single instance (the in-process fallback warns at boot).
const globalForSessions = globalThis as unknown as {
  orbitMcpSessions?: Map<string, { session: McpSession; expiresAt: number }>;
};
globalForSessions.orbitMcpSessions ??= new Map();
const memory = globalForSessions.orbitMcpSessions;

export async function saveMcpSession(session: McpSession): Promise<void> {
  const redis = getRedis();
  if (redis) {
    await redis.set(PREFIX + session.id, JSON.stringify(session), { ex: TTL_SECONDS });
    return;
  }
  memory.set(session.id, { session, expiresAt: Date.now() + TTL_SECONDS * 1000 });
}

export async function loadMcpSession(id: string): Promise<McpSession | null> {
  const redis = getRedis();
  if (redis) {
    // GETEX: read it and extend its life in one round trip; every use keeps an active session alive.
    const raw = await redis.getex<unknown>(PREFIX + id, { ex: TTL_SECONDS });
    if (raw === null || raw === undefined) return null;
    return (typeof raw === "string" ? JSON.parse(raw) : raw) as McpSession;
  }
  const entry = memory.get(id);
  if (!entry || entry.expiresAt <= Date.now()) {
    memory.delete(id);
    return null;
  }
  entry.expiresAt = Date.now() + TTL_SECONDS * 1000;
  return entry.session;
}

export async function deleteMcpSession(id: string): Promise<void> {
  const redis = getRedis();
  if (redis) await redis.del(PREFIX + id);
  else memory.delete(id);
}
