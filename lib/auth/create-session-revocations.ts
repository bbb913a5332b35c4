import type { Redis } from "@upstash/redis";

export type SessionRevocations = {
  /** Refuses the session from now until `expiresAt` (when its token would have expired anyway). */
  revoke(sessionId: string, expiresAt: Date): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
};

const PREFIX = "orbit:session-revoked:";
// Bounds the in-process list; entries are short-lived (at most one session lifetime), so this is generous.
const MAX_MEMORY_ENTRIES = 50_000;

/**
 * Signed-out sessions. JWT sessions cannot be deleted, so a token copied before sign-out would stay valid until it
 * expires; instead its session id is remembered until then. In Redis when configured (every instance sees it),
 * else in this process.
 */
export function createSessionRevocations(redis: Redis | null): SessionRevocations {
  const memory = new Map<string, number>();
  return {
    async revoke(sessionId, expiresAt) {
      const seconds = Math.ceil((expiresAt.getTime() - Date.now()) / 1000);
      if (seconds <= 0) return;
      if (redis) {
        await redis.set(`${PREFIX}${sessionId}`, 1, { ex: seconds });
        return;
      }
      if (memory.size >= MAX_MEMORY_ENTRIES) {
        for (const [id, until] of memory) if (until <= Date.now()) memory.delete(id);
      }
      memory.set(sessionId, expiresAt.getTime());
    },
    async isRevoked(sessionId) {
      if (redis) return (await redis.exists(`${PREFIX}${sessionId}`)) === 1;
      const until = memory.get(sessionId);
      return until !== undefined && until > Date.now();
    },
  };
}
