import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getMetrics } from "@/lib/telemetry/get-metrics";
import { log } from "@/lib/telemetry/log";

export type WorkerMetricsServer = { url: string; close(): Promise<void> };

/**
 * The worker's Prometheus scrape target (ORBIT_WORKER_METRICS_PORT): GET /metrics answers this process's registry —
 * its tool calls (webhook deliveries), the delivery and health loops' counters, event-loop lag and the rest of
 * the Node defaults. The web process's /api/metrics cannot show these: counters live in the process that counts.
 * No key is asked for; it binds to loopback unless ORBIT_WORKER_METRICS_HOST says otherwise, and carries no ids or
 * secrets (labels are statuses, servers and tools).
 */
export async function serveWorkerMetrics(options: {
  host: string;
  port: number;
}): Promise<WorkerMetricsServer> {
  const { registry } = getMetrics();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res
        .writeHead(404, { "content-type": "text/plain" })
        .end("Not found: the worker serves GET /metrics only.\n");
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
      (error: unknown) => {
        log.error("worker metrics not collected", { error });
        res.writeHead(500, { "content-type": "text/plain" }).end("Metrics could not be collected.\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
