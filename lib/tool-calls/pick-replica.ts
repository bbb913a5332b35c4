import type { ToolCallReplica } from "@/lib/tool-calls/tool-call-types";

/** Per-server running weights of smooth weighted round robin, keyed by replica URL. Lives in-process on purpose:
 * each instance spreading its own calls by weight spreads all of them by weight. */
export type ReplicaWeights = Map<string, number>;

/**
 * Smooth weighted round robin (nginx's): every pick adds each available replica's weight to its running weight,
 * takes the highest and subtracts the total from it. Over any run of total-weight picks each replica is chosen
 * exactly weight times, interleaved rather than in bursts. Unavailable replicas (open circuit) sit out the round;
 * returns null when none is left.
 */
export function pickReplica(
  replicas: ToolCallReplica[],
  weights: ReplicaWeights,
  isAvailable: (replica: ToolCallReplica) => boolean = () => true,
): ToolCallReplica | null {
  let total = 0;
  let best: ToolCallReplica | null = null;
  let bestWeight = Number.NEGATIVE_INFINITY;
  for (const replica of replicas) {
    const weight = Math.max(0, replica.weight);
    if (weight === 0 || !isAvailable(replica)) continue;
    const current = (weights.get(replica.url) ?? 0) + weight;
    weights.set(replica.url, current);
    total += weight;
    if (current > bestWeight) {
      best = replica;
      bestWeight = current;
    }
  }
  if (best) weights.set(best.url, bestWeight - total);
  return best;
}
