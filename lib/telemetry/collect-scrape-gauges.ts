import { getPrisma } from "@/lib/db/get-prisma";
import type { CircuitState } from "@/lib/resilience/circuit-breaker";
import type { OrbitMetrics } from "@/lib/telemetry/get-metrics";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { peekReplicaCircuits } from "@/lib/tool-calls/peek-replica-circuits";
import { countInboxDepth } from "@/lib/webhooks/count-inbox-depth";

const circuitValue: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * Sets the gauges that describe state rather than events, read fresh at each scrape: the circuit of every registered
 * replica (from the shared breaker, so every instance reports the same) and the inbox depth. Each gauge is reset
 * first so deleted servers disappear; when a source fails its gauge stays empty for this scrape, with a log line,
 * and the rest of the scrape still answers.
 */
export async function collectScrapeGauges(metrics: OrbitMetrics): Promise<void> {
  await Promise.all([collectCircuitStates(metrics), collectInboxDepth(metrics)]);
}

async function collectCircuitStates(metrics: OrbitMetrics): Promise<void> {
  try {
    const servers = await getPrisma().server.findMany({
      select: {
        id: true,
        slug: true,
        endpoints: { orderBy: { position: "asc" }, select: { url: true, weight: true } },
      },
    });
    const { breaker } = getToolCallDeps();
    const states = await Promise.all(
      servers.map(async (server) => ({
        server: server.slug,
        replicas: await peekReplicaCircuits({ serverId: server.id, replicas: server.endpoints, breaker }),
      })),
    );
    // Reset and set with no await in between, so a concurrent scrape never reads a half-filled gauge.
    metrics.circuitState.reset();
    for (const { server, replicas } of states) {
      for (const replica of replicas) {
        metrics.circuitState.set({ server, replica: replica.backend }, circuitValue[replica.state]);
      }
    }
  } catch (error) {
    metrics.circuitState.reset();
    warn("circuit states", error);
  }
}

async function collectInboxDepth(metrics: OrbitMetrics): Promise<void> {
  try {
    const depth = await countInboxDepth();
    metrics.inboxDepth.reset();
    for (const [status, count] of Object.entries(depth)) metrics.inboxDepth.set({ status }, count);
  } catch (error) {
    metrics.inboxDepth.reset();
    warn("inbox depth", error);
  }
}

function warn(what: string, error: unknown): void {
  console.warn(
    JSON.stringify({ level: "warn", msg: `metrics: ${what} not collected`, error: String(error) }),
  );
}
