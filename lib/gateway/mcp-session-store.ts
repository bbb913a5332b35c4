import { getRedis } from "@/lib/redis/get-redis";
import { mcpSessionIndex } from "@/lib/telemetry/mcp-session-index";

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

/**
 * One downstream session of the federated endpoint /api/mcp. Its upstream sessions, one per server it has used, are
 * kept beside it (federated-session-links.ts); this holds what opening them needs. Under the same keys as the
 * passthrough's, so the two share expiry and counting; the passthrough refuses it (it names no server).
 */
export type FederatedMcpSession = {
  id: string;
  kind: "federated";
  apiKeyId: string;
  /** The params of the client's initialize request: its capabilities decide what is relayed to it. */
  initializeParams: { capabilities?: Record<string, unknown>; [key: string]: unknown };
  /** The level the client last asked for with logging/setLevel, given to upstream sessions opened later. */
  logLevel?: string;
};

// Idle sessions are forgotten after a day, as most MCP servers do with their own; every use extends it.
const TTL_SECONDS = 24 * 60 * 60;
const PREFIX = "orbit:mcp:session:";

// Without Redis: one process's memory, which is right for a single instance (the in-process fallback warns at boot).
const globalForSessions = globalThis as unknown as {
  orbitMcpSessions?: Map<string, { session: McpSession | FederatedMcpSession; expiresAt: number }>;
};
globalForSessions.orbitMcpSessions ??= new Map();
const memory = globalForSessions.orbitMcpSessions;

export async function saveMcpSession(session: McpSession | FederatedMcpSession): Promise<void> {
  // Counted for the orbit_mcp_sessions gauge, never awaited: a count must not slow or fail a session.
  void mcpSessionIndex.saved(session, TTL_SECONDS);
  const redis = getRedis();
  if (redis) {
    await redis.set(PREFIX + session.id, JSON.stringify(session), { ex: TTL_SECONDS });
    return;
  }
  memory.set(session.id, { session, expiresAt: Date.now() + TTL_SECONDS * 1000 });
}

/** The stored session; `T` says which endpoint's the caller expects, and the caller checks it is (by owner). */
export async function loadMcpSession<T extends McpSession | FederatedMcpSession = McpSession>(
  id: string,
): Promise<T | null> {
  const redis = getRedis();
  if (redis) {
    // GETEX: read it and extend its life in one round trip; every use keeps an active session alive.
    const raw = await redis.getex<unknown>(PREFIX + id, { ex: TTL_SECONDS });
    if (raw === null || raw === undefined) return null;
    const session = (typeof raw === "string" ? JSON.parse(raw) : raw) as T;
    void mcpSessionIndex.used(session, TTL_SECONDS);
    return session;
  }
  const entry = memory.get(id);
  if (!entry || entry.expiresAt <= Date.now()) {
    memory.delete(id);
    return null;
  }
  entry.expiresAt = Date.now() + TTL_SECONDS * 1000;
  void mcpSessionIndex.used(entry.session, TTL_SECONDS);
  return entry.session as T;
}

export async function deleteMcpSession(id: string): Promise<void> {
  void mcpSessionIndex.closed(id);
  const redis = getRedis();
  if (redis) await redis.del(PREFIX + id);
  else memory.delete(id);
}
