import type { CircuitBreaker, CircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { checkAndRecordReplica, type ReplicaCheckOutcome } from "./check-and-record-replica";
import type { HealthCheckClaim } from "./claim-due-health-checks";
import { loadHealthTarget } from "./load-health-target";

/**
 * The worker's check of one claimed replica (an entry of the health-check queue): how to reach its server is read
 * now, so a server disabled or deleted since the claim is not checked (null), and headers changed since are used.
 */
export async function runReplicaCheck(
  claim: Pick<HealthCheckClaim, "endpointId" | "serverId" | "url">,
  options: {
    breaker: CircuitBreaker;
    circuit?: CircuitPolicy;
    signal?: AbortSignal;
    logLine?: (line: string) => void;
  },
): Promise<ReplicaCheckOutcome | null> {
  const target = await loadHealthTarget(claim.serverId);
  if (!target) return null;
  return checkAndRecordReplica({
    target,
    endpoint: { id: claim.endpointId, url: claim.url },
    breaker: options.breaker,
    circuit: options.circuit,
    // The claim already moved the check time, which is what keeps other workers from claiming it again.
    touchCheckedAt: false,
    signal: options.signal,
    logLine: options.logLine,
  });
}
