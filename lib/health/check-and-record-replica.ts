import { publishLiveEvent } from "@/lib/live/publish-live-event";
import type { UpstreamTransport } from "@/lib/mcp/connect-upstream";
import type { CircuitBreaker, CircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { replicaOrigin } from "@/lib/tool-calls/replica-origin";
import { checkReplicaHealth, type ReplicaHealthResult } from "./check-replica-health";
import { recordReplicaHealth } from "./record-replica-health";

export type HealthTarget = {
  serverId: string;
  slug: string;
  transport: UpstreamTransport;
  headers: Record<string, string>;
  timeoutMs: number;
};

export type ReplicaCheckOutcome = ReplicaHealthResult & {
  endpointId: string;
  serverId: string;
  /** The replica's origin: its URL may carry credentials. */
  replica: string;
  changed: boolean;
};

/**
 * Checks one replica, stores the verdict and, only when the status changed, writes one JSON log line (no audit row:
 * health changes are the upstream's doing, not an actor's). Shared by the worker's passes and "Check now". Null when
 * `signal` cut the check short (nothing recorded).
 */
export async function checkAndRecordReplica(options: {
  target: HealthTarget;
  endpoint: { id: string; url: string };
  breaker: CircuitBreaker;
  circuit?: CircuitPolicy;
  /** False for the worker, whose claim already set the check time. */
  touchCheckedAt: boolean;
  signal?: AbortSignal;
  logLine?: (line: string) => void;
}): Promise<ReplicaCheckOutcome | null> {
  const { target, endpoint } = options;
  const result = await checkReplicaHealth({
    serverId: target.serverId,
    url: endpoint.url,
    transport: target.transport,
    headers: target.headers,
    timeoutMs: target.timeoutMs,
    breaker: options.breaker,
    circuit: options.circuit,
    signal: options.signal,
  });
  if (!result) return null;
  const stored = await recordReplicaHealth({
    endpointId: endpoint.id,
    result,
    touchCheckedAt: options.touchCheckedAt,
  });
  const replica = replicaOrigin(endpoint.url) ?? "replica";
  const changed = stored !== null && stored.previousStatus !== result.status;
  if (changed) {
    publishLiveEvent({
      kind: "health",
      level: result.status === "healthy" ? "info" : "warn",
      server: target.slug,
      message: `${target.slug} ${replica}: ${stored.previousStatus} → ${result.status}${result.error ? ` (${result.error})` : ""}`,
      data: { replica, from: stored.previousStatus, to: result.status, latencyMs: result.latencyMs },
    });
    (options.logLine ?? console.log)(
      JSON.stringify({
        level: result.status === "healthy" ? "info" : "warn",
        msg: "replica health changed",
        server: target.slug,
        replica,
        from: stored.previousStatus,
        to: result.status,
        latencyMs: result.latencyMs,
        ...(result.error ? { error: result.error } : {}),
        at: result.checkedAt.toISOString(),
      }),
    );
  }
  return { ...result, endpointId: endpoint.id, serverId: target.serverId, replica, changed };
}
