import { createSseParser, formatSseEvent } from "./parse-sse-events";
import { type JsonRpcMessage, parseMessage } from "./read-mcp-messages";

/** Sees every message of an answer as it passes; may return a replacement. */
export type MessageVisitor = (message: JsonRpcMessage) => JsonRpcMessage | undefined;

/**
 * The upstream answer's body with every JSON-RPC message passed through `visit`, in the answer's own form: a JSON
 * body is rewritten whole (it is one small message), an SSE stream event by event as it arrives, so progress
 * notifications and server-to-client requests reach the client without waiting for the end of a long call.
 */
export function rewriteMcpResponse(
  upstream: Response,
  visit: MessageVisitor,
): ReadableStream<Uint8Array> | null {
  if (!upstream.body) return null;
  const isSse = (upstream.headers.get("content-type") ?? "").includes("text/event-stream");
  return isSse ? rewriteSse(upstream.body, visit) : rewriteJson(upstream, visit);
}

function rewriteSse(body: ReadableStream<Uint8Array>, visit: MessageVisitor): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let emit: (text: string) => void = () => {};
  const parser = createSseParser((event) => {
    const message = parseMessage(event.data);
    const replaced = message ? visit(message) : undefined;
    emit(formatSseEvent(replaced ? { ...event, data: JSON.stringify(replaced) } : event));
  });
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        emit = (text) => controller.enqueue(encoder.encode(text));
        parser.feed(decoder.decode(chunk, { stream: true }));
      },
      flush(controller) {
        emit = (text) => controller.enqueue(encoder.encode(text));
        parser.feed(`${decoder.decode()}\n\n`);
      },
    }),
  );
}

function rewriteJson(upstream: Response, visit: MessageVisitor): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const text = await upstream.text();
        let out = text;
        try {
          const parsed: unknown = JSON.parse(text);
          const apply = (m: JsonRpcMessage) => visit(m) ?? m;
          out = JSON.stringify(Array.isArray(parsed) ? parsed.map(apply) : apply(parsed as JsonRpcMessage));
        } catch {
          // Not JSON after all: pass it on untouched, the client's parser will say what is wrong.
        }
        controller.enqueue(new TextEncoder().encode(out));
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
