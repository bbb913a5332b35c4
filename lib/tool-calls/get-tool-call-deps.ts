import { getRedis } from "@/lib/redis/get-redis";
import { type CircuitBreaker, createCircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { createResponseCache, type ResponseCache } from "@/lib/resilience/response-cache";
import { type ClientPool, createClientPool } from "@/lib/tool-calls/create-client-pool";
import type { ReplicaWeights } from "@/lib/tool-calls/pick-replica";

/** What callTool works with; tests build their own (own Redis prefix, own pool) and pass it as `deps`. */
export type ToolCallDeps = {
  breaker: CircuitBreaker;
  cache: ResponseCache;
  pool: ClientPool;
  /** Running weights of the replica picker, per server id. */
  weights: Map<string, ReplicaWeights>;
  /** For backoff jitter. */
  random?: () => number;
};

// On globalThis so Next.js dev reloads keep one pool of connections instead of leaking one per reload.
const globalForToolCalls = globalThis as typeof globalThis & { orbitToolCallDeps?: ToolCallDeps };

/** The process-wide dependencies, built on first use; Redis-backed when Redis is configured. */
export function getToolCallDeps(): ToolCallDeps {
  if (!globalForToolCalls.orbitToolCallDeps) {
    const redis = getRedis();
    globalForToolCalls.orbitToolCallDeps = {
      breaker: createCircuitBreaker(redis, { prefix: "orbit:circuit:" }),
      cache: createResponseCache(redis, { prefix: "orbit:tool-cache:" }),
      pool: createClientPool(),
      weights: new Map(),
    };
  }
  return globalForToolCalls.orbitToolCallDeps;
}
