import type { ReplicaCircuit } from "@/lib/tool-calls/peek-replica-circuits";

export type ServerHealthStatus = "up" | "degraded" | "down" | "disabled";

/**
 * One word for a server from its replicas' circuits: `up` when every circuit is closed, `down` when every one is
 * open (calls are refused at once) or there is no replica, `degraded` in between (some replica open or probing).
 * A disabled server is `disabled` whatever its circuits say: it takes no calls.
 */
export function summarizeServerHealth(enabled: boolean, replicas: ReplicaCircuit[]): ServerHealthStatus {
  if (!enabled) return "disabled";
  if (replicas.length === 0 || replicas.every((r) => r.state === "open")) return "down";
  return replicas.every((r) => r.state === "closed") ? "up" : "degraded";
}
