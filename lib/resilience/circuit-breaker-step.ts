import type {
  CircuitDecision,
  CircuitOperation,
  CircuitPolicy,
  CircuitState,
} from "@/lib/resilience/circuit-breaker";

export type CircuitRecord = {
  state: CircuitState;
  failures: number;
  /** When the first failure of the current run was counted (0: none). */
  windowStart: number;
  /** Open until this time; then half-open. */
  openUntil: number;
  /** Half-open probes in flight, and when the first of them started. */
  probes: number;
  probeStart: number;
};

export const closedCircuit: CircuitRecord = {
  state: "closed",
  failures: 0,
  windowStart: 0,
  openUntil: 0,
  probes: 0,
  probeStart: 0,
};

/**
 * The one transition table, pure so both backends can share it: the in-process breaker runs it directly and the
 * Redis Lua script in `circuit-breaker-redis.ts` is a line-by-line port (the shared test suite holds them together).
 */
export function stepCircuit(
  stored: CircuitRecord,
  operation: CircuitOperation,
  now: number,
  policy: CircuitPolicy,
): { record: CircuitRecord; decision: CircuitDecision } {
  const r = { ...stored };
  if (r.state === "open" && now >= r.openUntil) {
    r.state = "half_open";
    r.probes = 0;
    r.probeStart = 0;
  }
  // A probe whose caller died never reports back; after openMs its slot is given to the next caller.
  if (r.state === "half_open" && r.probes > 0 && now - r.probeStart >= policy.openMs) {
    r.probes = 0;
    r.probeStart = 0;
  }
  if (r.state === "closed" && r.windowStart > 0 && now - r.windowStart >= policy.windowMs) {
    r.failures = 0;
    r.windowStart = 0;
  }

  let allowed = r.state === "closed" || (r.state === "half_open" && r.probes < policy.halfOpenMaxCalls);
  switch (operation) {
    case "peek":
      break;
    case "acquire":
      if (allowed && r.state === "half_open") {
        if (r.probes === 0) r.probeStart = now;
        r.probes++;
      }
      break;
    case "success":
      // A late success from a call that started before the circuit opened proves nothing about now.
      if (r.state !== "open") Object.assign(r, closedCircuit);
      allowed = r.state === "closed";
      break;
    case "failure":
      if (r.state === "half_open") {
        Object.assign(r, closedCircuit, { state: "open", openUntil: now + policy.openMs });
      } else if (r.state === "closed") {
        if (r.windowStart === 0) r.windowStart = now;
        r.failures++;
        if (r.failures >= policy.failureThreshold) {
          Object.assign(r, closedCircuit, {
            state: "open",
            failures: r.failures,
            openUntil: now + policy.openMs,
          });
        }
      }
      allowed = r.state === "closed";
      break;
    case "release":
      if (r.state === "half_open" && r.probes > 0) r.probes--;
      break;
  }

  const retryAfterMs =
    r.state === "open"
      ? Math.max(0, r.openUntil - now)
      : r.state === "half_open" && !allowed
        ? Math.max(0, r.probeStart + policy.openMs - now)
        : 0;
  return { record: r, decision: { state: r.state, allowed, retryAfterMs, failures: r.failures } };
}
