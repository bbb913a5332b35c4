import { Counter, Gauge } from "prom-client";
import { getMetrics } from "@/lib/telemetry/get-metrics";
import { recordMetric } from "@/lib/telemetry/record-metric";

type WorkerMetrics = {
  deliveries: Counter<"status">;
  healthChecks: Counter<"status">;
  queueLastPoll: Gauge<"queue">;
};

// Created on first use, so only the process that runs the loops (the worker) exposes them; the web process's
// /api/metrics does not list worker metrics it would always show empty.
const globalForWorker = globalThis as typeof globalThis & { orbitWorkerMetrics?: WorkerMetrics };

function workerMetrics(): WorkerMetrics {
  if (globalForWorker.orbitWorkerMetrics) return globalForWorker.orbitWorkerMetrics;
  const registers = [getMetrics().registry];
  globalForWorker.orbitWorkerMetrics = {
    deliveries: new Counter({
      name: "orbit_worker_deliveries_total",
      help: "Webhook delivery attempts this worker finished, by the delivery's status afterwards (lost: another processor had taken it over).",
      labelNames: ["status"],
      registers,
    }),
    healthChecks: new Counter({
      name: "orbit_worker_health_checks_total",
      help: "Active replica health checks this worker ran, by verdict.",
      labelNames: ["status"],
      registers,
    }),
    queueLastPoll: new Gauge({
      name: "orbit_worker_queue_last_poll_timestamp_seconds",
      help: "When this worker last fetched from each queue (Unix time); a queue whose time stops moving is not being consumed.",
      labelNames: ["queue"],
      registers,
    }),
  };
  return globalForWorker.orbitWorkerMetrics;
}

/** The worker's own numbers, for the worker's metrics endpoint. Never throws. */
export const observeWorker = {
  deliveryFinished(status: string | null): void {
    recordMetric(() => workerMetrics().deliveries.inc({ status: status ?? "lost" }));
  },
  healthChecked(statuses: string[]): void {
    recordMetric(() => {
      for (const status of statuses) workerMetrics().healthChecks.inc({ status });
    });
  },
  queuePolled(queue: string): void {
    recordMetric(() => workerMetrics().queueLastPoll.set({ queue }, Date.now() / 1000));
  },
};
