import { parseTracingEnv } from "@/lib/env";
import { log } from "@/lib/telemetry/log";
import type { Tracing } from "@/lib/telemetry/start-tracing";

const globalForTracing = globalThis as typeof globalThis & {
  orbitTracing?: Promise<Tracing | null>;
  orbitShutdownHooks?: Set<() => Promise<void>>;
};

/**
 * Turns trace export on for this process when OTEL_EXPORTER_OTLP_ENDPOINT is set, and does nothing at all otherwise:
 * the SDK is imported only past that check. Called by Next's instrumentation hook (web) and by the worker's entry;
 * a second call answers the first one's tracing. In the web process the buffered spans are flushed by the shutdown
 * hooks the production server runs after its last answer.
 */
export function registerTracing(processName: "web" | "worker"): Promise<Tracing | null> {
  globalForTracing.orbitTracing ??= start(processName);
  return globalForTracing.orbitTracing;
}

async function start(processName: "web" | "worker"): Promise<Tracing | null> {
  const config = parseTracingEnv(process.env);
  if (!config) return null;
  const { startTracing } = await import("@/lib/telemetry/start-tracing");
  const tracing = startTracing({ config, process: processName });
  globalForTracing.orbitShutdownHooks ??= new Set();
  globalForTracing.orbitShutdownHooks.add(tracing.shutdown);
  // The endpoint's origin only: a path could carry a tenant token.
  log.info("tracing on", { endpoint: new URL(config.endpoint).origin, service: config.serviceName });
  return tracing;
}
