import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/http/error-response";
import { observeToolCall } from "@/lib/telemetry/observe-tool-call";
import type { ReplicaCallResult, ReplicaInvoker } from "@/lib/tool-calls/call-replica";
import { callTool } from "@/lib/tool-calls/call-tool";
import { toToolCallTool } from "@/lib/tool-calls/to-tool-call-tool";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";
import { jsonRpcErrorCode } from "./jsonrpc-error-response";
import type { McpSession } from "./mcp-session-store";
import { createSseParser, formatSseEvent, type SseEvent } from "./parse-sse-events";
import { type JsonRpcMessage, parseMessage } from "./read-mcp-messages";
import { recordGatewayCall } from "./record-gateway-call";
import type { RelayContext } from "./relay-context";
import { forwardInSession, moveSession } from "./send-in-session";

/**
 * One tools/call on the passthrough endpoint, through the one tool-call path (circuit, cache for cacheable tools,
 * retries only when safe, request log, metrics) while still travelling on the client's own upstream session: every
 * message the upstream sends before its answer — progress, log messages, sampling or elicitation requests — streams
 * to the client as it comes, and the answer (or a JSON-RPC error) ends the stream. The answer is always an SSE
 * stream, which every Streamable HTTP client accepts.
 */
export async function relayToolCall(
  context: RelayContext,
  session: McpSession,
  call: JsonRpcMessage,
  raw: string,
): Promise<Response> {
  const { request, requestId, principal, server } = context;
  const name = String(call.params?.name ?? "");
  const args = (call.params?.arguments ?? {}) as Record<string, unknown>;
  // SQL rather than the query builder: one indexed row on every call, where the builder's own work is the cost.
  const [stored] = await getPrisma().$queryRaw<
    { annotations: unknown; cacheTtlSeconds: number | null; retryOverride: string | null }[]
  >`SELECT "annotations", "cacheTtlSeconds", "retryOverride" FROM "Tool"
    WHERE "serverId" = ${server.serverId} AND "name" = ${name}`;
  const tool = toToolCallTool(name, stored);

  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const emit = (event: SseEvent) => writer.write(encoder.encode(formatSseEvent(event))).catch(() => {});
  const send = (message: unknown) => emit({ event: "message", data: JSON.stringify(message) });

  let current = session;
  // Each attempt of callTool: the raw request on the session's upstream session (re-opened there if the upstream
  // forgot it), messages streamed through until the answer to this call.
  const invoke: ReplicaInvoker = async ({ deadline }) => {
    try {
      const { response, session: used } = await forwardInSession(context, current, {
        method: "POST",
        body: raw,
        signal: deadline,
        failover: false,
      });
      current = used;
      if (!response.ok) {
        await response.body?.cancel();
        const error = new AppError("upstream_error", `${server.slug} answered HTTP ${response.status}`);
        return failed(error, {
          reached: true,
          health: response.status >= 500,
          transient: response.status >= 500,
        });
      }
      const answer = await streamUntilAnswer(response, call.id, emit);
      if (!answer) {
        const error = new AppError("upstream_error", `${server.slug} ended the call without answering`);
        return failed(error, { reached: true, health: true, transient: true });
      }
      if (answer.error) {
        // The server said no in JSON-RPC: an answer, passed on as it is, and not a reason to retry.
        const error = new AppError("upstream_error", answer.error.message, {
          details: { jsonRpcError: answer.error },
        });
        return failed(error, { reached: true, health: false, transient: false });
      }
      return { ok: true, result: answer.result as CallToolResult };
    } catch (error) {
      const appError = toAppError(error);
      return failed(appError, {
        reached: appError.details?.reachedServer !== false,
        health: true,
        transient: true,
      });
    }
  };

  const started = performance.now();
  void (async () => {
    let outcome: ToolCallOutcome | null = null;
    let result: CallToolResult | null = null;
    let failure: AppError | null = null;
    try {
      for (let moved = false; ; moved = true) {
        try {
          const response = await callTool({
            // The session's replica only: a session lives on one replica, and moves only when that one is gone.
            target: { ...server, replicas: [{ url: current.replicaUrl, weight: 1 }] },
            tool,
            args,
            caller: { kind: "gateway", id: principal.id },
            signal: request.signal,
            invoke,
            record: (o) => {
              outcome = o;
              observeToolCall(o);
            },
          });
          result = response.result;
          break;
        } catch (error) {
          const appError = toAppError(error);
          if (moved || appError.details?.reachedServer !== false || server.replicas.length < 2)
            throw appError;
          current = await moveSession(context, current, appError);
        }
      }
      await send({ jsonrpc: "2.0", id: call.id, result });
    } catch (error) {
      failure = toAppError(error);
      const upstream = failure.details?.jsonRpcError;
      await send({
        jsonrpc: "2.0",
        id: call.id,
        error: upstream ?? {
          code: jsonRpcErrorCode(failure.code),
          message: failure.message,
          data: { code: failure.code, requestId },
        },
      });
    } finally {
      await writer.close().catch(() => {});
      recordGatewayCall({
        requestId,
        apiKeyId: principal.id,
        serverId: server.serverId,
        serverSlug: server.slug,
        tool: name,
        args,
        started,
        outcome,
        result,
        failure,
      });
    }
  })();

  return new Response(readable, {
    status: 200,
    headers: {
      "content-type": "text/event-stream",
      // Compression would buffer the stream; events must reach the client as they happen.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      "mcp-session-id": session.id,
      "x-request-id": requestId,
    },
  });
}

function failed(
  error: AppError,
  how: { reached: boolean; health: boolean; transient: boolean },
): ReplicaCallResult {
  return {
    ok: false,
    failure: {
      error,
      reachedServer: how.reached,
      circuit: how.health ? "failure" : "success",
      transient: how.transient,
      broken: false,
    },
  };
}

/**
 * Passes every message of the upstream's answer on to the client, except the response to `id`, which it returns (null
 * when the stream ended without one). A JSON answer is a single message.
 */
async function streamUntilAnswer(
  response: Response,
  id: JsonRpcMessage["id"],
  emit: (event: SseEvent) => Promise<void>,
): Promise<JsonRpcMessage | null> {
  const isAnswer = (m: JsonRpcMessage | null) =>
    m !== null && m.id === id && !m.method && (m.result || m.error);
  if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const message = parseMessage(await response.text());
    return isAnswer(message) ? message : null;
  }
  if (!response.body) return null;
  let answer: JsonRpcMessage | null = null;
  const pending: Promise<void>[] = [];
  const parser = createSseParser((event) => {
    const message = parseMessage(event.data);
    if (isAnswer(message)) answer = message;
    // Passed on as the upstream sent it, event id included, so the client's resumption points stay the upstream's.
    else pending.push(emit(event));
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    while (!answer) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    // The answer is all this call waits for; whatever the upstream still holds open is released.
    await reader.cancel().catch(() => {});
  }
  await Promise.all(pending);
  return answer;
}
