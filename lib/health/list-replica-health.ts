import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import type { CircuitBreaker, CircuitState } from "@/lib/resilience/circuit-breaker";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { peekReplicaCircuits } from "@/lib/tool-calls/peek-replica-circuits";
import type { ReplicaHealthStatus } from "./classify-health-failure";

export type ReplicaHealthView = {
  endpointId: string;
  url: string;
  /** The replica's origin (see replicaLabels): how logs, metrics and the REST facade name it. */
  label: string;
  weight: number;
  status: ReplicaHealthStatus;
  checkedAt: Date | null;
  changedAt: Date | null;
  latencyMs: number | null;
  error: string | null;
  /** What tool calls see right now, from the shared circuit breaker (peeked: no probe slot is taken). */
  circuit: CircuitState;
};

/**
 * The health of each replica of the given servers (every server when none are given), keyed by server id: the last
 * active check from the database and the circuit state from the breaker, side by side, since they answer different
 * questions (did the last ping work; are calls let through now).
 */
export async function listReplicaHealth(options: {
  actor: Actor;
  serverIds?: string[];
  breaker?: CircuitBreaker;
}): Promise<Map<string, ReplicaHealthView[]>> {
  assertRole(options.actor, "viewer");
  const endpoints = await getPrisma().serverEndpoint.findMany({
    where: options.serverIds ? { serverId: { in: options.serverIds } } : {},
    orderBy: [{ serverId: "asc" }, { position: "asc" }],
  });
  const byServer = new Map<string, typeof endpoints>();
  for (const endpoint of endpoints) {
    const list = byServer.get(endpoint.serverId) ?? [];
    list.push(endpoint);
    byServer.set(endpoint.serverId, list);
  }
  const breaker = options.breaker ?? getToolCallDeps().breaker;
  const entries = await Promise.all(
    [...byServer].map(async ([serverId, list]) => {
      const circuits = await peekReplicaCircuits({ serverId, replicas: list, breaker });
      const views = list.map(
        (e, index): ReplicaHealthView => ({
          endpointId: e.id,
          url: e.url,
          label: circuits[index]!.backend,
          weight: e.weight,
          status: e.healthStatus,
          checkedAt: e.healthCheckedAt,
          changedAt: e.healthChangedAt,
          latencyMs: e.healthLatencyMs,
          error: e.healthError,
          circuit: circuits[index]!.state,
        }),
      );
      return [serverId, views] as const;
    }),
  );
  return new Map(entries);
}
