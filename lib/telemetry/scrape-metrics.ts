import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { AppError } from "@/lib/errors/app-error";
import { collectScrapeGauges } from "@/lib/telemetry/collect-scrape-gauges";
import { getMetrics } from "@/lib/telemetry/get-metrics";

/**
 * This process's metrics in Prometheus text format, for a key holding the `metrics` scope (403 otherwise: a gateway
 * key learns nothing about other servers' traffic). Counters are per process; the gauges are read from shared
 * state at each scrape.
 */
export async function scrapeMetrics(options: { actor: ApiKeyPrincipal }): Promise<{
  body: string;
  contentType: string;
}> {
  if (!options.actor.scopes.includes("metrics")) {
    throw new AppError("forbidden", "This API key does not have the metrics scope.");
  }
  const metrics = getMetrics();
  await collectScrapeGauges(metrics);
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
