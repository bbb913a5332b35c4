import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { UpstreamTransport } from "@/lib/mcp/connect-upstream";
import type { CircuitPolicy } from "@/lib/resilience/circuit-breaker";

export type ToolCallReplica = { url: string; weight: number };

/** A server as the call needs it: where its replicas are and how to talk to them (headers already decrypted). */
export type ToolCallTarget = {
  serverId: string;
  slug: string;
  replicas: ToolCallReplica[];
  transport: UpstreamTransport;
  headers?: Record<string, string>;
  /** The whole call's deadline, retries and backoff included. */
  timeoutMs: number;
};

export type ToolRetryOverride = "never" | "safe" | "always";

export type ToolCallTool = {
  name: string;
  /** As the server declared them; they decide whether a call may be repeated or cached. */
  annotations?: { readOnlyHint?: boolean; idempotentHint?: boolean; destructiveHint?: boolean };
  /** Seconds an answer may be reused; only read-only tools are ever cached. */
  cacheTtlSeconds?: number | null;
  /** "safe" (default): retry when the hints say repeating is harmless. "always"/"never" are the operator's word. */
  retryOverride?: ToolRetryOverride;
};

export type ToolCallPolicy = {
  /** Retries after the first attempt. */
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  circuit: CircuitPolicy;
};

/** Who asked, for the request log and for keeping callers' numbers apart; never used to decide the call itself. */
export type ToolCallCaller = {
  kind: "webhook" | "chat" | "rest" | "job" | "gateway";
  /** The user, API key or job behind the call, when there is one. */
  id?: string;
};

/** One attempt on a replica, as the request log shows it: the replica by origin only (paths may hold credentials). */
export type ToolCallAttemptTiming = { ms: number; replica: string; outcome: string };

/**
 * Where a call's time went, measured with performance.now() only. `cacheMs` is the cache lookup (absent when the
 * tool may not be cached); backoff waits are the rest of latencyMs.
 */
export type ToolCallTimings = { cacheMs?: number; attempts: ToolCallAttemptTiming[] };

export type ToolCallResponse = {
  result: CallToolResult;
  attempts: number;
  cached: boolean;
  replicaUrl: string | null;
  latencyMs: number;
  servedBy: "primary" | "fallback";
  timings: ToolCallTimings;
};

/** One record per callTool, success or not; the request log and metrics subscribe through `record`. */
export type ToolCallOutcome = {
  serverId: string;
  slug: string;
  tool: string;
  caller: ToolCallCaller;
  ok: boolean;
  /** The tool answered with `isError: true`: the call worked, the tool said no. */
  toolError: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  cached: boolean;
  replicaUrl: string | null;
  servedBy: "primary" | "fallback";
  latencyMs: number;
  startedAt: Date;
  timings: ToolCallTimings;
};
