import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors/app-error";
import { recordToolCallRow } from "@/lib/telemetry/record-tool-call-row";
import { callTool } from "@/lib/tool-calls/call-tool";
import { replicaLabels } from "@/lib/tool-calls/replica-labels";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

export type ToolTestAnswer = {
  ok: boolean;
  result: CallToolResult | null;
  error: { code: string; message: string } | null;
  latencyMs: number;
  attempts: number;
  cached: boolean;
  /** The replica that answered (its origin), or null from the cache or on failure. */
  replica: string | null;
};

/**
 * The maintenance page's "call a tool": an operator calls one tool through the one tool-call path (circuit, cache,
 * safe retries, replicas), recorded in the history as source "chat" like the other tests from the UI. Upstream
 * failures come back as an answer with the attempts made, so the operator sees them next to the latency; an
 * unknown or disabled server still throws (the form's input was wrong).
 */
export async function testToolCall(options: {
  actor: Actor;
  serverId: string;
  toolName: string;
  args: Record<string, unknown>;
  requestId: string;
}): Promise<ToolTestAnswer> {
  assertRole(options.actor, "operator");
  const { target, tool } = await resolveToolCallTarget({
    serverId: options.serverId,
    toolName: options.toolName,
  });
  let outcome: ToolCallOutcome | null = null;
  const started = performance.now();
  try {
    const response = await callTool({
      target,
      tool,
      args: options.args,
      caller: { kind: "chat", id: options.actor.kind === "user" ? options.actor.id : undefined },
      record: (recorded) => {
        outcome = recorded;
      },
    });
    const index = target.replicas.findIndex((replica) => replica.url === response.replicaUrl);
    const answer: ToolTestAnswer = {
      ok: response.result.isError !== true,
      result: response.result,
      error: null,
      latencyMs: response.latencyMs,
      attempts: response.attempts,
      cached: response.cached,
      replica: index >= 0 ? (replicaLabels(target.replicas)[index] ?? null) : null,
    };
    record(options, outcome, answer);
    return answer;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const attempts = Number((error.details as { attempts?: unknown } | undefined)?.attempts ?? 0);
    const answer: ToolTestAnswer = {
      ok: false,
      result: null,
      error: { code: error.code, message: error.message },
      latencyMs: Math.round(performance.now() - started),
      attempts: Number.isFinite(attempts) ? attempts : 0,
      cached: false,
      replica: null,
    };
    record(options, outcome, answer);
    return answer;
  }
}

function record(
  options: { requestId: string; serverId: string; toolName: string; args: Record<string, unknown> },
  outcome: ToolCallOutcome | null,
  answer: ToolTestAnswer,
): void {
  recordToolCallRow({
    requestId: options.requestId,
    source: "chat",
    serverId: options.serverId,
    serverSlug: outcome?.slug ?? null,
    tool: options.toolName,
    outcome,
    errorCode: answer.error?.code ?? (answer.ok ? null : "tool_error"),
    requestBody: options.args,
    responseBody: answer.error ?? answer.result,
    measured: answer,
  });
}
