import type { ConfigSettings } from "@/lib/config/config-schema";
import { getConfig } from "@/lib/config/get-config";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { type CircuitPolicy, defaultCircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { log } from "@/lib/telemetry/log";
import { traceToolCall } from "@/lib/telemetry/trace-tool-call";
import type { ReplicaInvoker } from "@/lib/tool-calls/call-replica";
import { CircuitOpenError, callTarget, type TargetCallResult } from "@/lib/tool-calls/call-target";
import { getToolCallDeps, type ToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import type {
  ToolCallCaller,
  ToolCallOutcome,
  ToolCallPolicy,
  ToolCallResponse,
  ToolCallTarget,
  ToolCallTimings,
  ToolCallTool,
} from "@/lib/tool-calls/tool-call-types";

export type CallToolOptions = {
  target: ToolCallTarget;
  tool: ToolCallTool;
  args?: Record<string, unknown>;
  policy?: Partial<Omit<ToolCallPolicy, "circuit">> & { circuit?: Partial<CircuitPolicy> };
  caller: ToolCallCaller;
  /** Used only while the primary's circuit is open. */
  fallback?: ToolCallTarget;
  /** The caller giving up (a closed HTTP request, a cancelled job). */
  signal?: AbortSignal;
  /** Receives one outcome per call, success or failure; must not throw (errors are logged and ignored). */
  record?: (outcome: ToolCallOutcome) => void;
  /** Defaults to the process-wide pool, circuit store and cache. */
  deps?: ToolCallDeps;
  /** Carries each attempt instead of the pooled client; everything else (circuit, cache, retries, record) is the
   * same. The passthrough endpoint uses it to call on the client's own upstream session. */
  invoke?: ReplicaInvoker;
};

/**
 * The one way Orbit calls a tool, whoever asks (webhooks, chat, REST, jobs, the gateway): replica by weight →
 * circuit → cache → pooled client with a deadline → retries only when safe → outcome recorded. Throws AppError
 * (upstream_error, upstream_timeout, circuit_open) with `details.attempts`.
 */
export function callTool(options: CallToolOptions): Promise<ToolCallResponse> {
  // One `orbit.tool_call` trace span per call, described by the same outcome the request log gets.
  return traceToolCall(options, (record) => runToolCall({ ...options, record }));
}

async function runToolCall(options: CallToolOptions): Promise<ToolCallResponse> {
  const { target, caller, fallback, signal, record, invoke } = options;
  const args = options.args ?? {};
  const { settings } = await getConfig();
  // A tool with no TTL of its own (null, not 0) takes the configured default; still only read-only tools are cached.
  const tool =
    options.tool.cacheTtlSeconds == null && settings.cache.defaultTtlSeconds > 0
      ? { ...options.tool, cacheTtlSeconds: settings.cache.defaultTtlSeconds }
      : options.tool;
  const policy = resolvePolicy(options.policy, settings.toolCalls);
  const deps = options.deps ?? getToolCallDeps();
  const startedAt = new Date();
  const started = performance.now();

  let servedBy: ToolCallResponse["servedBy"] = "primary";
  let answered: TargetCallResult | null = null;
  let failed: AppError | null = null;
  // Shared by the primary and a fallback, so a fallback call shows the primary's cache lookup too.
  const timings: ToolCallTimings = { attempts: [] };
  try {
    try {
      answered = await callTarget({ target, tool, args, policy, deps, signal, invoke, timings });
    } catch (error) {
      if (!(error instanceof CircuitOpenError) || !fallback) throw error;
      servedBy = "fallback";
      // A fallback server has no session of the caller's: it is called the ordinary way.
      answered = await callTarget({ target: fallback, tool, args, policy, deps, signal, timings });
    }
    return { ...answered, latencyMs: Math.round(performance.now() - started), servedBy, timings };
  } catch (error) {
    failed = isAppError(error)
      ? error
      : new AppError("internal", "The tool call failed unexpectedly", {
          cause: error,
          details: { attempts: 0 },
        });
    throw failed;
  } finally {
    const served = servedBy === "fallback" && fallback ? fallback : target;
    emit(record, {
      serverId: served.serverId,
      slug: served.slug,
      tool: tool.name,
      caller,
      ok: answered !== null,
      toolError: answered?.result.isError === true,
      errorCode: failed?.code ?? null,
      errorMessage: failed?.message ?? null,
      attempts: answered?.attempts ?? Number(failed?.details?.attempts ?? 0),
      cached: answered?.cached ?? false,
      replicaUrl: answered?.replicaUrl ?? null,
      servedBy,
      latencyMs: Math.round(performance.now() - started),
      startedAt,
      timings,
    });
  }
}

// The caller's policy where it gives one, else the hot configuration's defaults (lib/config).
function resolvePolicy(
  policy: CallToolOptions["policy"] = {},
  defaults: ConfigSettings["toolCalls"],
): ToolCallPolicy {
  const backoffBaseMs = policy.backoffBaseMs ?? defaults.backoffBaseMs;
  return {
    retries: Math.max(0, policy.retries ?? defaults.retries),
    backoffBaseMs,
    backoffMaxMs: policy.backoffMaxMs ?? Math.max(backoffBaseMs, defaults.backoffMaxMs),
    circuit: { ...defaultCircuitPolicy, ...policy.circuit },
  };
}

// A request log that fails must not fail, or slow, the call it describes.
function emit(record: CallToolOptions["record"], outcome: ToolCallOutcome): void {
  if (!record) return;
  try {
    record(outcome);
  } catch (error) {
    log.error("recording a tool call outcome failed", { error });
  }
}
