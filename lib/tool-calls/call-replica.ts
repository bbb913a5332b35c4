import { type CallToolResult, CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import type { UpstreamTransport } from "@/lib/mcp/connect-upstream";
import { type CallFailure, classifyCallFailure } from "@/lib/tool-calls/classify-call-failure";
import type { ClientPool } from "@/lib/tool-calls/create-client-pool";

export type ReplicaCallResult = { ok: true; result: CallToolResult } | { ok: false; failure: CallFailure };

/** One attempt's transport, for callers that must carry the call themselves (the passthrough relays it on the
 * client's own upstream session, so progress and server-to-client requests reach that client). Never throws. */
export type ReplicaInvoker = (attempt: {
  url: string;
  deadline: AbortSignal;
  deadlineAt: number;
  timeoutMs: number;
}) => Promise<ReplicaCallResult>;

/**
 * One attempt against one replica: borrow a pooled connection, call the tool before `deadline`, and say what
 * happened in the terms retries and circuits need. Never throws.
 */
export async function callReplica(options: {
  pool: ClientPool;
  url: string;
  transport: UpstreamTransport;
  headers?: Record<string, string>;
  tool: string;
  args: Record<string, unknown>;
  /** The whole call's deadline (its timer and the caller's signal); `timeoutMs` is only for messages. */
  deadline: AbortSignal;
  deadlineAt: number;
  timeoutMs: number;
  callerSignal?: AbortSignal;
}): Promise<ReplicaCallResult> {
  const context = {
    url: options.url,
    timeoutMs: options.timeoutMs,
    deadline: options.deadline,
    callerSignal: options.callerSignal,
  };
  const remaining = () => Math.max(1, options.deadlineAt - Date.now());

  let lease: Awaited<ReturnType<ClientPool["acquire"]>>;
  try {
    lease = await options.pool.acquire({
      url: options.url,
      transport: options.transport,
      headers: options.headers,
      connectTimeoutMs: remaining(),
      signal: options.deadline,
    });
  } catch (error) {
    return { ok: false, failure: classifyCallFailure(error, { ...context, stage: "connect" }) };
  }

  try {
    const result = (await lease.connection.client.callTool(
      { name: options.tool, arguments: options.args },
      CallToolResultSchema,
      { signal: options.deadline, timeout: remaining() },
    )) as CallToolResult;
    lease.release();
    return { ok: true, result };
  } catch (error) {
    const failure = classifyCallFailure(error, {
      ...context,
      stage: "call",
      toError: lease.connection.toError,
    });
    lease.release(failure.broken);
    return { ok: false, failure };
  }
}
