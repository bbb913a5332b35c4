import type { Redis } from "@upstash/redis";
import { peekConfig } from "@/lib/config/peek-config";
import { createMemoryCircuitBreaker } from "@/lib/resilience/circuit-breaker-memory";
import { createRedisCircuitBreaker } from "@/lib/resilience/circuit-breaker-redis";

export type CircuitState = "closed" | "open" | "half_open";

export type CircuitPolicy = {
  /** Failures in a row (a success resets the count) that open the circuit, counted within `windowMs`. */
  failureThreshold: number;
  /** Failures older than this are forgotten, so a rare error a day never adds up to an open circuit. */
  windowMs: number;
  /** How long an open circuit refuses calls before it lets a probe through (half-open). */
  openMs: number;
  /** Probes allowed at once while half-open; their outcome closes or re-opens the circuit. */
  halfOpenMaxCalls: number;
};

/** The hot configuration's thresholds (lib/config), read at each use so every saved version applies at once; the
 * values (5 failures in 60 s, open 30 s, 1 probe) are its defaults. Spreading it takes a snapshot. */
export const defaultCircuitPolicy: CircuitPolicy = {
  get failureThreshold() {
    return peekConfig().settings.circuit.failureThreshold;
  },
  get windowMs() {
    return peekConfig().settings.circuit.windowMs;
  },
  get openMs() {
    return peekConfig().settings.circuit.openMs;
  },
  get halfOpenMaxCalls() {
    return peekConfig().settings.circuit.halfOpenMaxCalls;
  },
};

/** What a call that finished tells the circuit. `release` gives back a half-open probe slot without a verdict (the
 * caller gave up, or the server answered in a way that says nothing about its health). */
export type CircuitOutcome = "success" | "failure" | "release";

export type CircuitOperation = "peek" | "acquire" | CircuitOutcome;

export type CircuitDecision = {
  state: CircuitState;
  /** For acquire: this call may go ahead. For peek: an acquire now would be allowed. */
  allowed: boolean;
  /** When refused, how long until a probe may be let through. */
  retryAfterMs: number;
  failures: number;
};

/**
 * Closed / open / half-open per key (a server replica). Implementations share one transition table
 * (`stepCircuit`); the Redis one makes it visible to every instance.
 */
export interface CircuitBreaker {
  /** Reads the state without taking a half-open probe slot, e.g. to skip open replicas when picking one. */
  peek(key: string, policy: CircuitPolicy): Promise<CircuitDecision>;
  /** Asks to make one call; every allowed acquire must be followed by exactly one `record`. */
  acquire(key: string, policy: CircuitPolicy): Promise<CircuitDecision>;
  record(key: string, policy: CircuitPolicy, outcome: CircuitOutcome): Promise<CircuitDecision>;
}

/** Shared through Redis when there is one (every instance sees one state), else in-process with the same rules. */
export function createCircuitBreaker(
  redis: Redis | null,
  options: { prefix: string; timeoutMs?: number; now?: () => number },
): CircuitBreaker {
  return redis ? createRedisCircuitBreaker({ redis, ...options }) : createMemoryCircuitBreaker(options);
}
