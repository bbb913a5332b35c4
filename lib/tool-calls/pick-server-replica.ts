import { AppError } from "@/lib/errors/app-error";
import { defaultCircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { chooseReplica } from "@/lib/tool-calls/choose-replica";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import type { ToolCallReplica, ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

/**
 * A replica of `server` to talk to, by weight among those whose circuit lets a request through (the server's running
 * weights are shared with callTool), for the gateway's own requests outside callTool: opening sessions, moving them,
 * listing resources. Throws AppError: circuit_open (every replica refusing; `purpose` names what is paused) or
 * upstream_error (every replica already `exclude`d).
 */
export async function pickServerReplica(
  server: ToolCallTarget,
  options: { purpose: string; exclude?: ReadonlySet<string> },
): Promise<{ replica: ToolCallReplica; circuitKey: string; healthy: boolean }> {
  const deps = getToolCallDeps();
  const weights = deps.weights.get(server.serverId) ?? new Map<string, number>();
  deps.weights.set(server.serverId, weights);
  const replicas = server.replicas.filter((r) => !options.exclude?.has(r.url));
  if (replicas.length === 0)
    throw new AppError("upstream_error", `No replica of ${server.slug} could be reached.`);
  const choice = await chooseReplica({
    target: { ...server, replicas },
    breaker: deps.breaker,
    circuit: defaultCircuitPolicy,
    weights,
  });
  if (!choice.ok) {
    const seconds = Math.max(1, Math.ceil(choice.retryAfterMs / 1000));
    throw new AppError(
      "circuit_open",
      `${server.slug} is failing; ${options.purpose} paused for ${seconds} s.`,
      {
        retryAfter: seconds,
      },
    );
  }
  return choice;
}
