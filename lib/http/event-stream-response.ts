import { sseHeaders } from "@/lib/http/sse-headers";

/** A Server-Sent Events response: the stream as it is, with the headers that keep proxies from holding it back. */
export function eventStreamResponse(body: ReadableStream<Uint8Array>, requestId: string): Response {
  return new Response(body, { headers: sseHeaders({ requestId }) });
}
