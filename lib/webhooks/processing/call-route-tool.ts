import type { IntegrationRoute } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/http/error-response";
import { log } from "@/lib/telemetry/log";
import { callTool } from "@/lib/tool-calls/call-tool";
import type { ToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";
import type {
  ToolCallOutcome,
  ToolCallResponse,
  ToolCallTarget,
  ToolCallTool,
} from "@/lib/tool-calls/tool-call-types";
import type { WebhookEvent } from "@/lib/webhooks/routing/extract-event";
import { mapArguments } from "@/lib/webhooks/routing/map-arguments";

export type RouteToolCall =
  | {
      ok: true;
      response: ToolCallResponse;
      tool: ToolCallTool;
      args: Record<string, unknown>;
      mapMs?: number;
    }
  | {
      ok: false;
      error: AppError;
      tool: ToolCallTool | null;
      args: Record<string, unknown> | null;
      mapMs?: number;
    };

/**
 * A "call_tool" route's action: resolve its server and tool, map the event to arguments, and call through the one
 * tool-call path. Answers a value rather than throwing, because what the caller does next (retry or give up) depends
 * on how far it got: the tool's hints decide whether a failed call may be repeated.
 */
export async function callRouteTool(options: {
  route: IntegrationRoute;
  event: WebhookEvent;
  integrationId: string;
  signal?: AbortSignal;
  record?: (outcome: ToolCallOutcome) => void;
  deps?: ToolCallDeps;
}): Promise<RouteToolCall> {
  const { route, event } = options;
  let tool: ToolCallTool | null = null;
  let args: Record<string, unknown> | null = null;
  let mapMs: number | undefined;
  try {
    if (!route.serverId || !route.toolName) {
      throw new AppError("unprocessable", `Route "${route.name}" has no server or tool to call.`);
    }
    const primary = await resolveToolCallTarget({ serverId: route.serverId, toolName: route.toolName });
    tool = primary.tool;
    const fallback = route.fallbackServerId
      ? await resolveFallback(route.fallbackServerId, route.toolName)
      : undefined;
    const mapping = performance.now();
    const mapped: Record<string, unknown> = await mapArguments(route.argumentsMapping, event);
    mapMs = performance.now() - mapping;
    args = mapped;
    const response = await callTool({
      target: primary.target,
      tool,
      args: mapped,
      fallback,
      caller: { kind: "webhook", id: options.integrationId },
      signal: options.signal,
      record: options.record,
      deps: options.deps,
    });
    return { ok: true, response, tool, args: mapped, mapMs };
  } catch (error) {
    return { ok: false, error: toAppError(error), tool, args, mapMs };
  }
}

// A fallback is only for when the primary's circuit is open; one that cannot be resolved (deleted, disabled) must
// not stop the primary from being tried.
async function resolveFallback(serverId: string, toolName: string): Promise<ToolCallTarget | undefined> {
  try {
    return (await resolveToolCallTarget({ serverId, toolName })).target;
  } catch (error) {
    log.warn("fallback server unusable", { serverId, error: String(error) });
    return undefined;
  }
}
