import type { ErrorCode } from "@/lib/errors/app-error";
import { LIVE_KINDS, LIVE_LEVELS } from "./live-event";

/** The live log stream's entry in the OpenAPI document (lib/openapi/build-openapi-document.ts). */
export function liveStreamOpenApiPath(errors: (...codes: ErrorCode[]) => Record<string, unknown>) {
  return {
    "/api/v1/logs/stream": {
      get: {
        operationId: "streamLiveLog",
        summary: "The live log as Server-Sent Events",
        description:
          "A signed-in user of any role (session cookie), or an API key with the `admin` scope. Each event is " +
          "`event: live` with `id:` (the entry id of the `orbit:live` Redis stream) and a JSON `data:` line " +
          `(id, at, kind: ${LIVE_KINDS.join("/")}, level: ${LIVE_LEVELS.join("/")}, server, message, data). ` +
          "Without `Last-Event-ID` it opens with the newest 100 events and then `event: ready`; with one it sends " +
          "every event after that id that the buffer (about 10,000 events) still holds, then follows.",
        security: [{ bearerKey: [] }, { apiKeyHeader: [] }, {}],
        parameters: [
          {
            name: "Last-Event-ID",
            in: "header",
            required: false,
            description: "Resume after this event id (EventSource sends it on its own when it reconnects)",
            schema: { type: "string", pattern: "^\\d+-\\d+$" },
          },
        ],
        responses: {
          "200": {
            description: "The event stream (text/event-stream), open until the client leaves",
            content: { "text/event-stream": { schema: { type: "string" } } },
          },
          ...errors("unauthenticated", "forbidden", "rate_limited"),
        },
      },
    },
  };
}
