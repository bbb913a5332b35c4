import type { Actor } from "@/lib/auth/roles";
import { assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/http/error-response";
import { recordToolCallRow } from "@/lib/telemetry/record-tool-call-row";
import { callTool } from "@/lib/tool-calls/call-tool";
import { resolveToolCallTarget } from "@/lib/tool-calls/resolve-tool-call-target";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";
import type { ChatTurn } from "./chat-turn";

/**
 * Calls one tool of one server directly, through the one tool-call path (circuit, cache, safe retries, a disabled
 * tool refused) as caller "chat", and records it in the request log under the operator. A failure is a turn with
 * its error, not a throw, so the conversation shows what was tried.
 */
export async function callChatTool(options: {
  actor: Actor;
  serverId: string;
  toolName: string;
  args: Record<string, unknown>;
  requestId: string;
}): Promise<ChatTurn> {
  assertRole(options.actor, "operator");
  const { actor, serverId, toolName, args } = options;
  const server = await getPrisma().server.findUnique({ where: { id: serverId }, select: { slug: true } });
  if (!server) throw new AppError("not_found", "No such server.");
  let outcome: ToolCallOutcome | null = null;
  const started = performance.now();
  const turn = (fields: Partial<ChatTurn>): ChatTurn => ({
    via: "tool",
    status: "succeeded",
    terminal: true,
    deliveryId: null,
    httpStatus: null,
    route: null,
    server: server.slug,
    tool: toolName,
    arguments: args,
    result: null,
    error: null,
    latencyMs: outcome?.latencyMs ?? Math.round(performance.now() - started),
    attempts: outcome?.attempts ?? 0,
    cached: outcome?.cached ?? false,
    ...fields,
  });
  try {
    const { target, tool } = await resolveToolCallTarget({ serverId, toolName });
    const response = await callTool({
      target,
      tool,
      args,
      caller: { kind: "chat", id: actor.kind === "user" ? actor.id : undefined },
      record: (recorded) => {
        outcome = recorded;
      },
    });
    const failed = response.result.isError === true;
    record(options, server.slug, outcome, failed ? "tool_error" : null, response.result);
    return turn({ status: failed ? "failed" : "succeeded", result: response.result });
  } catch (error) {
    const failure = toAppError(error);
    record(options, server.slug, outcome, failure.code, { error: failure.message });
    return turn({ status: "failed", error: { code: failure.code, message: failure.message } });
  }
}

function record(
  options: { serverId: string; toolName: string; args: unknown; requestId: string },
  slug: string,
  outcome: ToolCallOutcome | null,
  errorCode: string | null,
  response: unknown,
): void {
  recordToolCallRow({
    requestId: options.requestId,
    source: "chat",
    serverId: options.serverId,
    serverSlug: slug,
    tool: options.toolName,
    outcome,
    errorCode,
    requestBody: options.args,
    responseBody: response,
  });
}
