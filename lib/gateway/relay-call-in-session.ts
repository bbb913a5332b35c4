import { setTimeout } from "node:timers/promises";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/http/error-response";
import { sseHeaders } from "@/lib/http/sse-headers";
import { observeToolCall } from "@/lib/telemetry/observe-tool-call";
import type { ReplicaCallResult, ReplicaInvoker } from "@/lib/tool-calls/call-replica";
import { callTool } from "@/lib/tool-calls/call-tool";
import type { ToolCallOutcome, ToolCallTool } from "@/lib/tool-calls/tool-call-types";
import { forwardUpstream } from "./forward-upstream";
import { createSseParser, formatSseEvent, type SseEvent } from "./parse-sse-events";
import { type JsonRpcMessage, parseMessage } from "./read-mcp-messages";
import { recordGatewayCall } from "./record-gateway-call";
import { ownHeaders, requestOnLink } from "./request-on-link";
import { forwardOnLink, type LinkContext, moveSession, type UpstreamLink } from "./send-in-session";

/**
 * What becomes of one upstream message on its way to the client: the event to send, or null for none. `reply`
 * answers the upstream on the same upstream session (a request Orbit refuses on the client's behalf).
 */
export type UpstreamMessageHandler = (
  event: SseEvent,
  message: JsonRpcMessage | null,
  reply: (message: unknown) => Promise<void>,
) => SseEvent | null | Promise<SseEvent | null>;

/**
 * One tools/call of a gateway endpoint (passthrough or federated), through the one tool-call path (circuit, cache for
 * cacheable tools, retries only when safe, request log, metrics) while still travelling on the client's own upstream
 * session: every message the upstream sends before its answer — progress, log messages, sampling or elicitation
 * requests — streams to the client as it comes (through `onMessage`, which may rewrite or drop it), and the answer
 * (or a JSON-RPC error) ends the stream. The answer is always an SSE stream, which every Streamable HTTP client
 * accepts.
 */
export function relayCallInSession<L extends UpstreamLink>(options: {
  context: LinkContext<L>;
  link: L;
  principal: ApiKeyPrincipal;
  requestId: string;
  /** The downstream session, named on the answer. */
  sessionId: string;
  call: {
    id: JsonRpcMessage["id"];
    tool: ToolCallTool;
    args: Record<string, unknown>;
    /** The request as the upstream gets it. */
    body: string;
  };
  onMessage?: UpstreamMessageHandler;
  /** The JSON-RPC error object that answers Orbit's own failure (an upstream's JSON-RPC error passes as it is). */
  toJsonRpcError: (failure: AppError) => { code: number; message: string; data?: unknown };
}): Response {
  const { context, principal, requestId, call } = options;
  const { server } = context;

  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const emit = (event: SseEvent) => writer.write(encoder.encode(formatSseEvent(event))).catch(() => {});
  const send = (message: unknown) => emit({ event: "message", data: JSON.stringify(message) });

  let current = options.link;
  // On the upstream session that asked, as it is: a new one would not know what is being answered.
  const reply = async (message: unknown) => {
    const response = await requestOnLink({ server, link: current, method: "POST", message });
    await response.body?.cancel();
  };
  // Each attempt of callTool: the request on the link's upstream session (re-opened there if the upstream forgot
  // it), messages streamed through until the answer to this call.
  const invoke: ReplicaInvoker = async ({ deadline }) => {
    try {
      const { response, session: used } = await forwardOnLink(context, current, {
        method: "POST",
        body: call.body,
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
      const onMessage = options.onMessage;
      const pass = onMessage && ((event: SseEvent, m: JsonRpcMessage | null) => onMessage(event, m, reply));
      // SEP-1699: the upstream may close the stream before answering and hand the rest to a GET with Last-Event-ID.
      const resume = (lastEventId: string) =>
        forwardUpstream({
          method: "GET",
          url: current.replicaUrl,
          serverHeaders: server.headers,
          ...(context.forwardHeaders ? { downstream: context.request.headers } : {}),
          extraHeaders: { ...ownHeaders("GET", current.protocolVersion), "last-event-id": lastEventId },
          sessionId: current.upstreamSessionId,
          signal: deadline,
          timeoutMs: server.timeoutMs,
        });
      const answer = await streamUntilAnswer(response, call.id, emit, pass, { resume, signal: deadline });
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
            // The link's replica only: a session lives on one replica, and moves only when that one is gone.
            target: { ...server, replicas: [{ url: current.replicaUrl, weight: 1 }] },
            tool: call.tool,
            args: call.args,
            caller: { kind: "gateway", id: principal.id },
            signal: context.request.signal,
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
      await send({ jsonrpc: "2.0", id: call.id, error: upstream ?? options.toJsonRpcError(failure) });
    } finally {
      await writer.close().catch(() => {});
      recordGatewayCall({
        requestId,
        apiKeyId: principal.id,
        serverId: server.serverId,
        serverSlug: server.slug,
        tool: call.tool.name,
        args: call.args,
        started,
        outcome,
        result,
        failure,
      });
    }
  })();

  return new Response(readable, {
    status: 200,
    headers: sseHeaders({ sessionId: options.sessionId, requestId }),
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
 * Passes every message of the upstream's answer on to the client (through `onMessage`, in order), except the
 * response to `id`, which it returns (null when the stream ended without one). A JSON answer is a single message.
 * A stream that ends before the answer but after an event with an id was closed on purpose (SEP-1699 polling): like
 * a client, Orbit waits the upstream's `retry` delay and resumes it with `resume(lastEventId)`, as long as each
 * stream brings a new event id.
 */
async function streamUntilAnswer(
  response: Response,
  id: JsonRpcMessage["id"],
  emit: (event: SseEvent) => Promise<void>,
  onMessage:
    | ((event: SseEvent, message: JsonRpcMessage | null) => ReturnType<UpstreamMessageHandler>)
    | undefined,
  polling: { resume(lastEventId: string): Promise<Response>; signal: AbortSignal },
): Promise<JsonRpcMessage | null> {
  const isAnswer = (m: JsonRpcMessage | null) =>
    m !== null && m.id === id && !m.method && (m.result || m.error);
  if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const message = parseMessage(await response.text());
    return isAnswer(message) ? message : null;
  }
  let answer: JsonRpcMessage | null = null;
  let lastEventId: string | undefined;
  let retryMs = 0;
  // One after the other: a handler that answers the upstream itself must not let a later message overtake.
  let passed = Promise.resolve();
  const parser = createSseParser((event) => {
    if (event.id) lastEventId = event.id;
    if (event.retry) retryMs = Number(event.retry) || 0;
    const message = parseMessage(event.data);
    if (isAnswer(message)) {
      answer = message;
      return;
    }
    passed = passed
      .then(async () => {
        // Passed on as the upstream sent it unless the handler says otherwise, event id included, so the client's
        // resumption points stay the upstream's.
        const out = onMessage ? await onMessage(event, message) : event;
        if (out) await emit(out);
      })
      .catch(() => {});
  });
  let resumedFrom: string | undefined;
  for (let body = response.body; body; ) {
    const decoder = new TextDecoder();
    const reader = body.getReader();
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
    if (answer || lastEventId === undefined || lastEventId === resumedFrom) break;
    resumedFrom = lastEventId;
    await setTimeout(retryMs, undefined, { signal: polling.signal });
    const next = await polling.resume(lastEventId);
    const isStream = next.ok && (next.headers.get("content-type") ?? "").includes("text/event-stream");
    if (!isStream) await next.body?.cancel();
    body = isStream ? next.body : null;
  }
  await passed;
  return answer;
}
