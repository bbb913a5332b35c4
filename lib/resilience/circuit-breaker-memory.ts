import type { CircuitBreaker, CircuitOperation, CircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { type CircuitRecord, closedCircuit, stepCircuit } from "@/lib/resilience/circuit-breaker-step";

/**
 * The in-process breaker, for when no Redis is configured (or Redis stops answering): the same transitions as the
 * Redis one, for this instance only. Closed circuits with no failures are not stored, so memory follows the number of
 * unhealthy servers, and `maxEntries` bounds it anyway.
 */
export function createMemoryCircuitBreaker(
  options: { now?: () => number; maxEntries?: number } = {},
): CircuitBreaker {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const records = new Map<string, CircuitRecord>();

  async function run(key: string, policy: CircuitPolicy, operation: CircuitOperation) {
    const { record, decision } = stepCircuit(records.get(key) ?? closedCircuit, operation, now(), policy);
    if (operation !== "peek") {
      records.delete(key);
      if (record.state !== "closed" || record.failures > 0) records.set(key, record);
      // Oldest-written first: a circuit nobody touched for long is the one to forget.
      for (const oldest of records.keys()) {
        if (records.size <= maxEntries) break;
        records.delete(oldest);
      }
    }
    return decision;
  }

  return {
    peek: (key, policy) => run(key, policy, "peek"),
    acquire: (key, policy) => run(key, policy, "acquire"),
    record: (key, policy, outcome) => run(key, policy, outcome),
  };
}
