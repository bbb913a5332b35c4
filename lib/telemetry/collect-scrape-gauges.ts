import { getPrisma } from "@/lib/db/get-prisma";
import type { CircuitState } from "@/lib/resilience/circuit-breaker";
import type { OrbitMetrics } from "@/lib/telemetry/get-metrics";
import { log } from "@/lib/telemetry/log";
import { mcpSessionIndex } from "@/lib/telemetry/mcp-session-index";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { peekReplicaCircuits } from "@/lib/tool-calls/peek-replica-circuits";
import { countInboxDepth } from "@/lib/webhooks/count-inbox-depth";

const circuitValue: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * Sets the gauges that describe state rather than events, read fresh at each scrape: the circuit of every registered
 * replica (from the shared breaker, so every instance reports the same), the inbox depth and the live MCP sessions
 * (counted in Redis, so also the same everywhere; per process without it). Each gauge is reset first so deleted
 * servers disappear; when a source fails its gauge stays empty for this scrape, with a log line, and the rest of the
 * scrape still answers.
 */
export async function collectScrapeGauges(metrics: OrbitMetrics): Promise<void> {
  await Promise.all([collectCircuitStates(metrics), collectInboxDepth(metrics), collectMcpSessions(metrics)]);
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

async function collectMcpSessions(metrics: OrbitMetrics): Promise<void> {
  try {
    const counts = await mcpSessionIndex.count();
    metrics.mcpSessions.reset();
    for (const [endpoint, count] of Object.entries(counts)) metrics.mcpSessions.set({ endpoint }, count);
  } catch (error) {
    metrics.mcpSessions.reset();
    warn("MCP sessions", error);
  }
}

function warn(what: string, error: unknown): void {
  log.warn(`metrics: ${what} not collected`, { error: String(error) });
}
