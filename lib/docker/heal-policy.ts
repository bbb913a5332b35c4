import type { Env } from "@/lib/env";

/** How the healer treats containers; from the ORBIT_HEAL_* variables, or given directly (tests). */
export type HealPolicy = {
  /** Containers carrying `<label>=true` are healed… */
  label: string;
  /** …or every container. */
  all: boolean;
  /** Restarts allowed within `windowMs`; the next failure after that raises an alert instead. */
  maxRestarts: number;
  windowMs: number;
  /** The delay before the first restart in a window; it doubles with each restart, up to backoffMaxMs. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /**
   * How long to wait after a `die` before deciding whether it was a failure: the events that say an operator
   * stopped the container can follow the `die` (Docker's `stop`, Podman's second `cleanup`).
   */
  settleMs: number;
};

/** The label that links a container to a registered MCP server (by slug). */
export const SERVER_LABEL = "orbit.server";

export function readHealPolicy(env: Env): HealPolicy {
  return {
    label: env.ORBIT_HEAL_LABEL,
    all: env.ORBIT_HEAL_ALL,
    maxRestarts: env.ORBIT_HEAL_MAX_RESTARTS,
    windowMs: env.ORBIT_HEAL_WINDOW_SECONDS * 1000,
    backoffInitialMs: env.ORBIT_HEAL_BACKOFF_INITIAL_MS,
    backoffMaxMs: env.ORBIT_HEAL_BACKOFF_MAX_MS,
    settleMs: 1000,
  };
}
