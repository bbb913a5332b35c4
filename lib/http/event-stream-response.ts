/** A Server-Sent Events response: the stream as it is, with the headers that keep proxies from holding it back. */
export function eventStreamResponse(body: ReadableStream<Uint8Array>, requestId: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream",
      // Compression or proxy buffering would hold events back.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      "x-request-id": requestId,
    },
  });
}
