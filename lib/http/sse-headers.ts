/** The headers of every event stream Orbit answers with (MCP endpoints, job events, live logs). */
export function sseHeaders(options: { sessionId?: string; requestId: string }): Record<string, string> {
  return {
    "content-type": "text/event-stream",
    // Compression would buffer the stream; events must reach the client as they happen.
    "cache-control": "no-cache, no-transform",
    "x-accel-buffering": "no",
    ...(options.sessionId ? { "mcp-session-id": options.sessionId } : {}),
    "x-request-id": options.requestId,
  };
}
