import { AppError } from "@/lib/errors/app-error";
import { sseHeaders } from "@/lib/http/sse-headers";
import type { FederatedContext } from "./federated-context";
import { type FederatedStreamReader, joinFederatedStream } from "./federated-stream-hub";
import { jsonRpcErrorResponse } from "./jsonrpc-error-response";
import type { FederatedMcpSession } from "./mcp-session-store";

// Comments on an idle stream, so proxies and load balancers do not take it for dead.
const KEEPALIVE_MS = 25_000;

/**
 * GET /api/mcp: the session's stream for what the server says on its own (Streamable HTTP's standalone SSE stream):
 * list_changed, and what the session's upstreams say outside of calls (joinFederatedStream). Every event carries an
 * `id:`; a client that lost the stream and comes back with `Last-Event-ID` first gets the events it missed (within
 * the event log's window), then the stream goes on. The stream ends when the client leaves or the session is deleted.
 */
export function openFederatedStream(context: FederatedContext, session: FederatedMcpSession): Response {
  const { request, requestId, principal } = context;
  if (!(request.headers.get("accept") ?? "").includes("text/event-stream")) {
    return jsonRpcErrorResponse(new AppError("bad_request", "Not Acceptable: accept text/event-stream."), {
      requestId,
      status: 406,
    });
  }
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  let ended = false;
  const reader: FederatedStreamReader = {
    write: (text) => (ended ? Promise.resolve() : writer.write(encoder.encode(text)).catch(() => end())),
    end,
  };
  const keepalive = setInterval(() => void reader.write(": keepalive\n\n"), KEEPALIVE_MS);
  keepalive.unref();
  let leave = () => {};
  function end(): void {
    if (ended) return;
    ended = true;
    clearInterval(keepalive);
    leave();
    void writer.close().catch(() => {});
  }

  const lastEventId = request.headers.get("last-event-id");
  // Joined before answering, so the client's missed events are queued ahead of anything new.
  leave = joinFederatedStream({ principal, session, reader, lastEventId });
  request.signal.addEventListener("abort", end, { once: true });
  if (request.signal.aborted) end();

  return new Response(readable, {
    status: 200,
    headers: sseHeaders({ sessionId: session.id, requestId }),
  });
}
