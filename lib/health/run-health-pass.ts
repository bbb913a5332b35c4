import type { CircuitBreaker, CircuitPolicy } from "@/lib/resilience/circuit-breaker";
import type { HealthTarget, ReplicaCheckOutcome } from "./check-and-record-replica";
import { checkAndRecordReplica } from "./check-and-record-replica";
import { claimDueHealthChecks } from "./claim-due-health-checks";
import { loadHealthTarget } from "./load-health-target";

/**
 * One pass of active health checks: `concurrency` runners each claim one due replica at a time (see
 * claimDueHealthChecks), check it and store the verdict, until nothing is due. Several workers running passes at
 * once share the work and never check one replica twice in an interval. Rejects with the first database failure,
 * after the checks in flight have finished; stops claiming when `signal` aborts.
 */
export async function runHealthPass(options: {
  intervalMs: number;
  breaker: CircuitBreaker;
  circuit?: CircuitPolicy;
  concurrency?: number;
  serverIds?: string[];
  signal?: AbortSignal;
  logLine?: (line: string) => void;
}): Promise<ReplicaCheckOutcome[]> {
  const concurrency = options.concurrency ?? 4;
  const outcomes: ReplicaCheckOutcome[] = [];
  // One lookup (and one header decryption) per server per pass, shared by its replicas.
  const targets = new Map<string, Promise<HealthTarget | null>>();

  async function runner(): Promise<void> {
    while (!options.signal?.aborted) {
      const [claim] = await claimDueHealthChecks({
        intervalMs: options.intervalMs,
        limit: 1,
        serverIds: options.serverIds,
      });
      if (!claim) return;
      let target = targets.get(claim.serverId);
      if (!target) {
        target = loadHealthTarget(claim.serverId);
        targets.set(claim.serverId, target);
      }
      try {
        // Disabled or deleted since the claim: not checked.
        const loaded = await target;
        if (!loaded) continue;
        const outcome = await checkAndRecordReplica({
          target: loaded,
          endpoint: { id: claim.endpointId, url: claim.url },
          breaker: options.breaker,
          circuit: options.circuit,
          touchCheckedAt: false,
          signal: options.signal,
          logLine: options.logLine,
        });
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        // One server's trouble (headers that no longer decrypt, a write that failed) must not stop the others'
        // checks; a database that is away fails the next claim, which ends the pass.
        (options.logLine ?? console.warn)(
          JSON.stringify({
            level: "warn",
            msg: "health check not recorded",
            serverId: claim.serverId,
            error: String(error),
          }),
        );
      }
    }
  }

  const settled = await Promise.allSettled(Array.from({ length: concurrency }, runner));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return outcomes;
}
