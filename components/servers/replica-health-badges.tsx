import { Badge } from "@/components/ui/card";
import type { ReplicaHealthStatus } from "@/lib/health/classify-health-failure";
import type { CircuitState } from "@/lib/resilience/circuit-breaker";

const healthTone = {
  healthy: "green",
  unreachable: "red",
  error: "red",
  unauthorized: "amber",
  unknown: "gray",
} as const satisfies Record<ReplicaHealthStatus, string>;

/** The last active check's verdict. */
export function HealthBadge({ status }: { status: ReplicaHealthStatus }) {
  return <Badge tone={healthTone[status]}>{status}</Badge>;
}

const circuitTone = { closed: "green", half_open: "amber", open: "red" } as const;

/** Whether tool calls are let through to the replica right now. */
export function CircuitBadge({ state }: { state: CircuitState }) {
  return <Badge tone={circuitTone[state]}>circuit {state.replace("_", "-")}</Badge>;
}
