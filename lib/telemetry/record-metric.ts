import { getMetrics, type OrbitMetrics } from "@/lib/telemetry/get-metrics";
import { log } from "@/lib/telemetry/log";

/** Updates the process's metrics without ever throwing: a counter that fails must not fail what it counts. */
export function recordMetric(update: (metrics: OrbitMetrics) => void): void {
  try {
    update(getMetrics());
  } catch (error) {
    log.warn("metric update failed", { error: String(error) });
  }
}
