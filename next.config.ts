import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm-backed packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/adapter-pg",
    "pg",
    "redis",
    "@redis/client",
    // Node-only (perf_hooks, cluster) and process-wide by nature: one copy loaded by Node, not one per route bundle.
    "prom-client",
    // Tracing (lib/telemetry/start-tracing.ts): Node-only SDK, loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    "@opentelemetry/api",
    "@opentelemetry/context-async-hooks",
    "@opentelemetry/core",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-trace",
    // The container engine's client (lib/docker): Node-only, with optional native parts (ssh2) not to be bundled.
    "dockerode",
    // The job queue (lib/jobs): Node-only, holds its own pg pool; one copy per process, not one per route bundle.
    "pg-boss",
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
