import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AppError } from "@/lib/errors/app-error";
import { retryDelay } from "@/lib/resilience/retry-delay";
import { sleep } from "@/lib/resilience/sleep";
import { buildCacheKey } from "@/lib/tool-calls/build-cache-key";
import { callReplica, type ReplicaInvoker } from "@/lib/tool-calls/call-replica";
import { chooseReplica } from "@/lib/tool-calls/choose-replica";
import type { ToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { isSafeToRetry } from "@/lib/tool-calls/is-safe-to-retry";
import { isToolCacheable } from "@/lib/tool-calls/is-tool-cacheable";
import { replicaOrigin } from "@/lib/tool-calls/replica-origin";
import type {
  ToolCallPolicy,
  ToolCallTarget,
  ToolCallTimings,
  ToolCallTool,
} from "@/lib/tool-calls/tool-call-types";

export type TargetCallResult = {
  result: CallToolResult;
  attempts: number;
  cached: boolean;
  replicaUrl: string | null;
};

/** Thrown when the server's circuit refused the first attempt, so the caller may go to a fallback target. */
export class CircuitOpenError extends AppError {}

/**
 * Calls a tool on one target: cache → replica and circuit → pooled call → safe retries, all within the target's
 * deadline. Throws AppError with `details.attempts`; a CircuitOpenError when nothing was attempted.
 */
export async function callTarget(options: {
  target: ToolCallTarget;
  tool: ToolCallTool;
  args: Record<string, unknown>;
  policy: ToolCallPolicy;
  deps: ToolCallDeps;
  signal?: AbortSignal;
  /** Carries each attempt instead of the pooled client (see ReplicaInvoker). */
  invoke?: ReplicaInvoker;
  /** Filled in as the call goes (a failed call throws, and its steps still count). */
  timings?: ToolCallTimings;
}): Promise<TargetCallResult> {
  const { target, tool, args, policy, deps, signal, invoke } = options;
  const timings = options.timings ?? { attempts: [] };

  // Checked before the circuit: an answer still inside its TTL is as good while the server is down.
  const cacheKey = isToolCacheable(tool) ? buildCacheKey(target.slug, tool.name, args) : null;
  if (cacheKey) {
    const lookup = performance.now();
    const hit = await deps.cache.get<CallToolResult>(cacheKey);
    timings.cacheMs = (timings.cacheMs ?? 0) + (performance.now() - lookup);
    if (hit) return { result: hit, attempts: 0, cached: true, replicaUrl: null };
  }

  const deadlineAt = Date.now() + target.timeoutMs;
  const timer = AbortSignal.timeout(target.timeoutMs);
  const deadline = signal ? AbortSignal.any([timer, signal]) : timer;
  const weights = deps.weights.get(target.serverId) ?? new Map<string, number>();
  deps.weights.set(target.serverId, weights);

  let attempts = 0;
  // Whether any attempt may have reached the server: callers deciding on a later retry (the delivery schedule) need
  // to know that no attempt did, which makes even a non-idempotent tool safe to call again.
  let reached = false;
  let lastError: AppError | null = null;
  for (;;) {
    const choice = await chooseReplica({ target, breaker: deps.breaker, circuit: policy.circuit, weights });
    if (!choice.ok) {
      // Mid-retry the circuit opened (often our own failures did it): report the failure, not the circuit.
      if (lastError) throw withAttempts(lastError, attempts, reached);
      const seconds = Math.max(1, Math.ceil(choice.retryAfterMs / 1000));
      throw new CircuitOpenError(
        "circuit_open",
        `${target.slug} is failing; calls to it are paused for ${seconds} s`,
        { retryAfter: seconds, details: { serverId: target.serverId, attempts: 0 } },
      );
    }

    attempts++;
    const attempt = { url: choice.replica.url, deadline, deadlineAt, timeoutMs: target.timeoutMs };
    const attemptStarted = performance.now();
    const outcome = invoke
      ? await invoke(attempt)
      : await callReplica({
          ...attempt,
          pool: deps.pool,
          transport: target.transport,
          headers: target.headers,
          tool: tool.name,
          args,
          callerSignal: signal,
        });
    timings.attempts.push({
      ms: performance.now() - attemptStarted,
      replica: replicaOrigin(choice.replica.url) ?? target.slug,
      outcome: outcome.ok ? (outcome.result.isError ? "tool_error" : "ok") : outcome.failure.error.code,
    });

    if (outcome.ok) {
      // `isError: true` is the tool answering; for the circuit that is a healthy server. Already healthy: no write.
      if (!choice.healthy) await deps.breaker.record(choice.circuitKey, policy.circuit, "success");
      if (cacheKey && !outcome.result.isError) {
        await deps.cache.set(cacheKey, outcome.result, tool.cacheTtlSeconds ?? 0);
      }
      return { result: outcome.result, attempts, cached: false, replicaUrl: choice.replica.url };
    }

    const { failure } = outcome;
    await deps.breaker.record(choice.circuitKey, policy.circuit, failure.circuit);
    lastError = failure.error;
    reached ||= failure.reachedServer;
    const mayRetry = attempts <= policy.retries && failure.transient && isSafeToRetry(tool, failure);
    if (!mayRetry || deadline.aborted) throw withAttempts(failure.error, attempts, reached);

    const wait = retryDelay({
      retry: attempts - 1,
      baseMs: policy.backoffBaseMs,
      maxMs: policy.backoffMaxMs,
      random: deps.random,
    });
    // A retry that could only start after the deadline would just turn this failure into a timeout.
    if (Date.now() + wait >= deadlineAt) throw withAttempts(failure.error, attempts, reached);
    await sleep(wait, deadline);
    if (deadline.aborted) throw withAttempts(failure.error, attempts, reached);
  }
}

function withAttempts(error: AppError, attempts: number, reachedServer: boolean): AppError {
  return new AppError(error.code, error.message, {
    cause: error.cause,
    details: { ...error.details, attempts, reachedServer },
    retryAfter: error.retryAfter,
  });
}
