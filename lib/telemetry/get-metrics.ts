import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Every metric Orbit exposes at /api/metrics. Labels are bounded: server slugs, tool names, codes; never ids or
 * arguments (a label value per request would grow the registry, and every scrape, without end). */
export type OrbitMetrics = {
  registry: Registry;
  /** One per callTool outcome; status is `ok`, `tool_error` or the error code. */
  requests: Counter<"source" | "server" | "tool" | "status">;
  requestDuration: Histogram<"source" | "server" | "tool">;
  cacheHits: Counter<"source" | "server" | "tool">;
  rateLimited: Counter<"policy">;
  webhookRejections: Counter<"reason">;
  /** Set at scrape time: 0 closed, 1 half-open, 2 open. */
  circuitState: Gauge<"server" | "replica">;
  /** Set at scrape time: deliveries not yet in a terminal state. */
  inboxDepth: Gauge<"status">;
  /** Set at scrape time: live MCP gateway sessions, across every instance when Redis is shared. */
  mcpSessions: Gauge<"endpoint">;
};

// On globalThis because Next bundles each route separately: a module-level registry would be one per route, and the
// metrics route would never see what the webhook or REST routes counted. One per process; Prometheus scrapes each
// instance; the worker serves its own registry on ORBIT_WORKER_METRICS_PORT (serve-worker-metrics.ts).
const globalForMetrics = globalThis as typeof globalThis & { orbitMetrics?: OrbitMetrics };

export function getMetrics(): OrbitMetrics {
  globalForMetrics.orbitMetrics ??= createMetrics();
  return globalForMetrics.orbitMetrics;
}

function createMetrics(): OrbitMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: "orbit_requests_total",
      help: "Tool calls by caller (webhook, rest, gateway, …), server, tool and outcome.",
      labelNames: ["source", "server", "tool", "status"],
      registers,
    }),
    requestDuration: new Histogram({
      name: "orbit_request_duration_seconds",
      help: "Tool call latency as the caller saw it: cache, replicas, retries and backoff included.",
      labelNames: ["source", "server", "tool"],
      // From a cache hit (~1 ms) to the default 30 s server deadline.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    cacheHits: new Counter({
      name: "orbit_cache_hits_total",
      help: "Tool calls answered from the response cache without reaching the server.",
      labelNames: ["source", "server", "tool"],
      registers,
    }),
    rateLimited: new Counter({
      name: "orbit_rate_limited_total",
      help: "Requests refused by a rate-limit policy.",
      labelNames: ["policy"],
      registers,
    }),
    webhookRejections: new Counter({
      name: "orbit_webhook_rejections_total",
      help: "Webhooks refused by verification (bad or missing signature, stale timestamp, missing secret).",
      labelNames: ["reason"],
      registers,
    }),
    circuitState: new Gauge({
      name: "orbit_circuit_state",
      help: "Circuit of each registered server replica: 0 closed, 1 half-open, 2 open.",
      labelNames: ["server", "replica"],
      registers,
    }),
    inboxDepth: new Gauge({
      name: "orbit_inbox_depth",
      help: "Webhook deliveries waiting or in progress, by status.",
      labelNames: ["status"],
      registers,
    }),
    mcpSessions: new Gauge({
      name: "orbit_mcp_sessions",
      help: "Live MCP gateway sessions (not expired, not deleted) by endpoint: passthrough or federated.",
      labelNames: ["endpoint"],
      registers,
    }),
  };
}
