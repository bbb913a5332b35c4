import { createHash } from "node:crypto";
import type { CircuitBreaker, CircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { pickReplica, type ReplicaWeights } from "@/lib/tool-calls/pick-replica";
import type { ToolCallReplica, ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

export type ReplicaChoice =
  | {
      ok: true;
      replica: ToolCallReplica;
      circuitKey: string;
      /** The circuit was closed with no failures counted: recording a success would change nothing. */
      healthy: boolean;
    }
  | { ok: false; retryAfterMs: number };

/**
 * Picks a replica by weight among those whose circuit lets a call through, and takes its circuit slot (a half-open
 * probe is a slot). When every replica's circuit is open the server's circuit is open: `ok: false`.
 */
export async function chooseReplica(options: {
  target: ToolCallTarget;
  breaker: CircuitBreaker;
  circuit: CircuitPolicy;
  weights: ReplicaWeights;
}): Promise<ReplicaChoice> {
  const { target, breaker, circuit, weights } = options;
  const keys = new Map(target.replicas.map((r) => [r.url, replicaCircuitKey(target.serverId, r.url)]));
  const peeks = await Promise.all(
    target.replicas.map(async (r) => [r.url, await breaker.peek(keys.get(r.url)!, circuit)] as const),
  );
  const decisions = new Map(peeks);
  const available = new Set(peeks.filter(([, d]) => d.allowed).map(([url]) => url));
  let retryAfterMs = Math.min(...peeks.map(([, d]) => d.retryAfterMs), Number.POSITIVE_INFINITY);

  // Another instance can take the last probe slot between peek and acquire; then try the next replica.
  while (available.size > 0) {
    const replica = pickReplica(target.replicas, weights, (r) => available.has(r.url));
    if (!replica) break;
    const circuitKey = keys.get(replica.url)!;
    const peeked = decisions.get(replica.url)!;
    // A closed circuit hands out no probe slots, so there is nothing to acquire: one round trip to the store instead
    // of two on the path every call takes.
    if (peeked.state === "closed") {
      return { ok: true, replica, circuitKey, healthy: peeked.failures === 0 };
    }
    const decision = await breaker.acquire(circuitKey, circuit);
    if (decision.allowed) return { ok: true, replica, circuitKey, healthy: false };
    available.delete(replica.url);
    retryAfterMs = Math.min(retryAfterMs, decision.retryAfterMs);
  }
  return { ok: false, retryAfterMs: Number.isFinite(retryAfterMs) ? retryAfterMs : circuit.openMs };
}

/** One circuit per replica, named by server and a hash of the URL (URLs may carry secrets in their query). */
export function replicaCircuitKey(serverId: string, url: string): string {
  return `${serverId}:${createHash("sha256").update(url).digest("hex").slice(0, 16)}`;
}
