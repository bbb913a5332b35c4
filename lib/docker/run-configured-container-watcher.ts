import { getEnv } from "@/lib/env";
import type { CircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { type LogLevel, log as orbitLog } from "@/lib/telemetry/log";
import { getDocker } from "./get-docker";
import { readHealPolicy } from "./heal-policy";
import { runContainerWatcher } from "./run-container-watcher";

/** The worker's container watcher, configured from the environment (DOCKER_HOST, ORBIT_HEAL_*). */
export function runConfiguredContainerWatcher(options: {
  signal: AbortSignal;
  workerId: string;
  breaker: CircuitBreaker;
  log: (line: string) => void;
}): Promise<void> {
  const env = getEnv();
  return runContainerWatcher({
    ...options,
    docker: getDocker(),
    dockerHost: env.DOCKER_HOST,
    policy: readHealPolicy(env),
    alertWebhookUrl: env.ORBIT_ALERT_WEBHOOK_URL ?? null,
    healthchecks: env.ORBIT_CONTAINER_HEALTHCHECKS,
    // The healer's JSON lines join Orbit's log with its time and level fields.
    logLine: (line) => {
      const { level, msg, ...fields } = JSON.parse(line) as { level: LogLevel; msg: string };
      orbitLog[level](msg, fields);
    },
  });
}
