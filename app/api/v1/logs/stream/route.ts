import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { bridgeConfigChanges } from "@/lib/live/bridge-config-changes";
import { getLiveLog } from "@/lib/live/get-live-log";
import { openLiveStream } from "@/lib/live/open-live-stream";
import { authenticateHistoryCaller } from "@/lib/requests/authenticate-history-caller";

export const dynamic = "force-dynamic";

/** GET /api/v1/logs/stream: the live log as SSE (session or admin-scoped key); resumes from Last-Event-ID. */
export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    await authenticateHistoryCaller(request);
    bridgeConfigChanges();
    const body = openLiveStream({
      liveLog: getLiveLog(),
      lastEventId: request.headers.get("last-event-id"),
      signal: request.signal,
    });
    return new Response(body, {
      headers: {
        "content-type": "text/event-stream",
        // Compression or proxy buffering would hold events back.
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
