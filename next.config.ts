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
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
