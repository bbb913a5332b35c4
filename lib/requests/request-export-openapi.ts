import { z } from "zod";
import type { ErrorCode } from "@/lib/errors/app-error";
import { exportFormats, requestFiltersSchema } from "./request-filters-schema";

const descriptions: Record<keyof typeof requestFiltersSchema.shape, string> = {
  q: "Free text: a request, row or delivery id (exact) when it is a UUID, else part of the tool, server slug or error code",
  status: "Exact status (succeeded, failed, tool_error, retrying, dead, …)",
  source: "webhook, gateway, rest, chat or job",
  integration: "Integration id",
  server: "Server id",
  tool: "Exact tool name",
  key: "API key id",
  range: "Relative range ending now (1h, 24h, 7d, 30d); wins over from/to",
  from: "Earliest createdAt (ISO 8601; without a zone, UTC)",
  to: "Latest createdAt (ISO 8601; without a zone, UTC)",
};

/**
 * The export route's entry in the OpenAPI document (lib/openapi/build-openapi-document.ts), built from the same
 * filter schema the route validates with, so a new filter cannot go undocumented.
 */
export function requestExportOpenApiPath(errors: (...codes: ErrorCode[]) => Record<string, unknown>) {
  const filter = (name: keyof typeof descriptions) => {
    const { $schema: _, ...schema } = z.toJSONSchema(requestFiltersSchema.shape[name], {
      io: "input",
      unrepresentable: "any",
    }) as Record<string, unknown>;
    return { name, in: "query", required: false, description: descriptions[name], schema };
  };
  return {
    "/api/v1/requests/export": {
      get: {
        operationId: "exportRequests",
        summary: "The filtered request history as a CSV or JSON file, streamed newest first",
        description:
          "A signed-in user of any role (session cookie), or an API key with the `admin` scope. The filters are " +
          "the history page's own. CSV follows RFC 4180 (text that a spreadsheet would run as a formula gets a " +
          "leading apostrophe); JSON is one array. Bodies are as recorded: redacted and cut to 4 KiB.",
        security: [{ bearerKey: [] }, { apiKeyHeader: [] }, {}],
        parameters: [
          {
            name: "format",
            in: "query",
            required: false,
            schema: { type: "string", enum: [...exportFormats] },
          },
          ...(Object.keys(descriptions) as (keyof typeof descriptions)[]).map(filter),
        ],
        responses: {
          "200": {
            description: "The file (Content-Disposition: attachment)",
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/json": { schema: { type: "array", items: { type: "object" } } },
            },
          },
          ...errors("bad_request", "unauthenticated", "forbidden", "unprocessable", "rate_limited"),
        },
      },
    },
  };
}
