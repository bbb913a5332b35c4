import {
  type CircuitBreaker,
  type CircuitPolicy,
  type CircuitState,
  defaultCircuitPolicy,
} from "@/lib/resilience/circuit-breaker";
import { replicaCircuitKey } from "@/lib/tool-calls/choose-replica";
import { replicaLabels } from "@/lib/tool-calls/replica-labels";
import type { ToolCallReplica } from "@/lib/tool-calls/tool-call-types";

export type ReplicaCircuit = { backend: string; weight: number; state: CircuitState };

/**
 * The circuit of each replica of a server as callTool would see it now, without taking a half-open probe slot, so
 * health pages and metric scrapes never steal the probe a real call needs. Replicas are named by replicaLabels.
 */
export async function peekReplicaCircuits(options: {
  serverId: string;
  replicas: ToolCallReplica[];
  breaker: CircuitBreaker;
  circuit?: CircuitPolicy;
}): Promise<ReplicaCircuit[]> {
  const { serverId, replicas, breaker } = options;
  const circuit = options.circuit ?? defaultCircuitPolicy;
  const labels = replicaLabels(replicas);
  return Promise.all(
    replicas.map(async (replica, index) => {
      const decision = await breaker.peek(replicaCircuitKey(serverId, replica.url), circuit);
      return { backend: labels[index]!, weight: replica.weight, state: decision.state };
    }),
  );
}
