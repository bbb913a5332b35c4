import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { defaultCircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { pickServerReplica } from "@/lib/tool-calls/pick-server-replica";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

/**
 * Runs `work` on a pooled, initialized client of one of the server's replicas (chosen by weight among those whose
 * circuit is not open, as tool calls choose), within the server's timeout. For the federated endpoint's live lists
 * and reads, which are not tool calls: no cache, no retry; an outcome still feeds the replica's circuit, so a dead
 * replica stops being asked. Throws AppError (circuit_open, upstream_error, upstream_timeout) or the upstream's
 * McpError.
 */
export async function withServerClient<T>(
  server: ToolCallTarget,
  work: (client: Client, request: { signal: AbortSignal; timeout: number }) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const deps = getToolCallDeps();
  const choice = await pickServerReplica(server, { purpose: "requests to it are" });
  const timer = AbortSignal.timeout(server.timeoutMs);
  const deadline = signal ? AbortSignal.any([timer, signal]) : timer;
  let lease: Awaited<ReturnType<typeof deps.pool.acquire>>;
  try {
    lease = await deps.pool.acquire({
      url: choice.replica.url,
      transport: server.transport,
      headers: server.headers,
      connectTimeoutMs: server.timeoutMs,
      signal: deadline,
    });
  } catch (error) {
    await deps.breaker.record(choice.circuitKey, defaultCircuitPolicy, "failure");
    throw error;
  }
  try {
    const result = await work(lease.connection.client, { signal: deadline, timeout: server.timeoutMs });
    lease.release();
    if (!choice.healthy) await deps.breaker.record(choice.circuitKey, defaultCircuitPolicy, "success");
    return result;
  } catch (error) {
    // An answer that is a JSON-RPC error (unknown resource, bad arguments) is the server working; anything else
    // (a dropped connection, a timeout) may have broken the pooled connection, so it is replaced.
    const answered = isAnswer(error);
    lease.release(!answered);
    if (!answered || !choice.healthy) {
      await deps.breaker.record(choice.circuitKey, defaultCircuitPolicy, answered ? "success" : "failure");
    }
    throw answered ? error : lease.connection.toError(error);
  }
}

// The SDK reports its own timeout and a closed connection as McpErrors too; those are not the server answering.
function isAnswer(error: unknown): error is McpError {
  return (
    error instanceof McpError &&
    error.code !== ErrorCode.RequestTimeout &&
    error.code !== ErrorCode.ConnectionClosed
  );
}
