/**
 * Lower bounds (ms) of the latency histogram kept in every request rollup: bucket i holds latencies in
 * [LATENCY_BUCKETS_MS[i-1], LATENCY_BUCKETS_MS[i]), bucket 0 everything under the first bound and the last one
 * everything from 30 s up. The same steps as orbit_request_duration_seconds (lib/telemetry/get-metrics.ts), from a
 * cache hit to the default server deadline. Changing them invalidates stored rollups: add a migration that rebuilds
 * them.
 */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] as const;
