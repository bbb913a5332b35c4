import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { connectUpstream, type UpstreamTransport } from "@/lib/mcp/connect-upstream";
import {
  type CircuitBreaker,
  type CircuitOutcome,
  type CircuitPolicy,
  defaultCircuitPolicy,
} from "@/lib/resilience/circuit-breaker";
import { replicaCircuitKey } from "@/lib/tool-calls/choose-replica";
import { classifyHealthFailure, type ReplicaHealthStatus } from "./classify-health-failure";

export type ReplicaHealthResult = {
  status: Exclude<ReplicaHealthStatus, "unknown">;
  latencyMs: number;
  /** Operator-readable and short; null when healthy. */
  error: string | null;
  checkedAt: Date;
};

// What each verdict tells the replica's circuit. Unauthorized is configuration, not health: it neither opens nor
// closes anything.
const circuitOutcome: Record<ReplicaHealthResult["status"], CircuitOutcome> = {
  healthy: "success",
  unreachable: "failure",
  error: "failure",
  unauthorized: "release",
};

/**
 * One active check of one replica: connect with the MCP SDK client (initialize), then ping, all within the server's
 * timeout. The verdict feeds the replica's circuit, the same one tool calls use, taking a probe slot first when the
 * circuit is half-open: so a recovered replica's open circuit is probed closed by the check (automatic reactivation)
 * instead of by a user's call. While the circuit is still open, or a call holds the probe, the check only observes.
 * Never throws. Null when `signal` ended the check (the worker stopping): a cut-short check proves nothing, so
 * nothing is recorded and the probe slot is given back.
 */
export async function checkReplicaHealth(options: {
  serverId: string;
  url: string;
  transport: UpstreamTransport;
  headers?: Record<string, string>;
  timeoutMs: number;
  breaker: CircuitBreaker;
  circuit?: CircuitPolicy;
  signal?: AbortSignal;
}): Promise<ReplicaHealthResult | null> {
  const circuit = options.circuit ?? defaultCircuitPolicy;
  const key = replicaCircuitKey(options.serverId, options.url);
  const slot = await options.breaker.acquire(key, circuit).catch(() => null);

  const started = performance.now();
  const result = await probe(options);
  const latencyMs = Math.round(performance.now() - started);

  const cut = options.signal?.aborted === true;
  if (slot?.allowed) {
    const outcome = cut ? "release" : circuitOutcome[result.status];
    await options.breaker.record(key, circuit, outcome).catch(() => undefined);
  }
  if (cut) return null;
  return { ...result, latencyMs, checkedAt: new Date() };
}

async function probe(options: {
  url: string;
  transport: UpstreamTransport;
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<Pick<ReplicaHealthResult, "status" | "error">> {
  let connection: Awaited<ReturnType<typeof connectUpstream>>;
  try {
    connection = await connectUpstream(options);
  } catch (error) {
    const failure = classifyHealthFailure(error, options.url);
    return { status: failure.status, error: failure.message };
  }
  try {
    await connection.client.ping({ signal: connection.signal, timeout: options.timeoutMs });
    return { status: "healthy", error: null };
  } catch (error) {
    // Ping is mandatory in the spec, but a server that initialized and answers "no such method" is up.
    if (error instanceof McpError && error.code === ErrorCode.MethodNotFound) {
      return { status: "healthy", error: null };
    }
    const failure = classifyHealthFailure(connection.toError(error), options.url);
    return { status: failure.status, error: failure.message };
  } finally {
    await connection.close();
  }
}
