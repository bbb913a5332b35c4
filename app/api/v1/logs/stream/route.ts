import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { eventStreamResponse } from "@/lib/http/event-stream-response";
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
    return eventStreamResponse(body, requestId);
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
