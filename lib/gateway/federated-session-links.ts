import { getRedis } from "@/lib/redis/get-redis";
import type { UpstreamLink } from "./send-in-session";

/** The upstream session a federated session rides on for one server (opened on first need). */
export type FederatedLink = UpstreamLink & {
  serverId: string;
  /** Resource URIs the client subscribed to on this upstream session: subscribed again when it is re-opened. */
  subscriptions?: string[];
};

// As long as the sessions they belong to; each use extends them.
const TTL_SECONDS = 24 * 60 * 60;
const PREFIX = "orbit:mcp:links:";

// Without Redis: this process's memory, like the sessions themselves.
const globalForLinks = globalThis as unknown as {
  orbitFederatedLinks?: Map<string, { links: Map<string, FederatedLink>; expiresAt: number }>;
};
globalForLinks.orbitFederatedLinks ??= new Map();
const memory = globalForLinks.orbitFederatedLinks;

/*
 * One Redis hash per federated session, a field per server: two calls to two servers opening their upstream
 * sessions at once each write their own field, where one JSON record would lose one of them.
 */

export async function loadFederatedLink(sessionId: string, serverId: string): Promise<FederatedLink | null> {
  const redis = getRedis();
  if (redis) {
    const [raw] = await Promise.all([
      redis.hget<FederatedLink | string>(PREFIX + sessionId, serverId),
      redis.expire(PREFIX + sessionId, TTL_SECONDS),
    ]);
    if (raw === null || raw === undefined) return null;
    return typeof raw === "string" ? (JSON.parse(raw) as FederatedLink) : raw;
  }
  return live(sessionId)?.links.get(serverId) ?? null;
}

export async function saveFederatedLink(sessionId: string, link: FederatedLink): Promise<void> {
  const redis = getRedis();
  if (redis) {
    await redis.hset(PREFIX + sessionId, { [link.serverId]: JSON.stringify(link) });
    await redis.expire(PREFIX + sessionId, TTL_SECONDS);
    return;
  }
  const entry = live(sessionId) ?? { links: new Map<string, FederatedLink>(), expiresAt: 0 };
  entry.links.set(link.serverId, link);
  entry.expiresAt = Date.now() + TTL_SECONDS * 1000;
  memory.set(sessionId, entry);
}

export async function listFederatedLinks(sessionId: string): Promise<FederatedLink[]> {
  const redis = getRedis();
  if (redis) {
    const all = await redis.hgetall<Record<string, FederatedLink | string>>(PREFIX + sessionId);
    return Object.values(all ?? {}).map((raw) =>
      typeof raw === "string" ? (JSON.parse(raw) as FederatedLink) : raw,
    );
  }
  return [...(live(sessionId)?.links.values() ?? [])];
}

export async function deleteFederatedLinks(sessionId: string): Promise<void> {
  const redis = getRedis();
  if (redis) await redis.del(PREFIX + sessionId);
  else memory.delete(sessionId);
}

function live(sessionId: string) {
  const entry = memory.get(sessionId);
  if (!entry) return undefined;
  if (entry.expiresAt <= Date.now()) {
    memory.delete(sessionId);
    return undefined;
  }
  entry.expiresAt = Date.now() + TTL_SECONDS * 1000;
  return entry;
}
