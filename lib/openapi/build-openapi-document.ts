import { z } from "zod";
import { type ErrorCode, errorStatus } from "@/lib/errors/app-error";
import { jobsOpenApiPaths } from "@/lib/jobs/jobs-openapi-paths";
import { liveStreamOpenApiPath } from "@/lib/live/live-stream-openapi";
import {
  errorEnvelopeSchema,
  healthSchema,
  readinessSchema,
  restMcpAnswerSchema,
  restServersSchema,
  webhookReceiptSchema,
} from "@/lib/openapi/openapi-schemas";
import { requestExportOpenApiPath } from "@/lib/requests/request-export-openapi";
import { restMcpInput } from "@/lib/rest/rest-mcp-input-schema";
import { orbitVersion } from "@/lib/version";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The error answers an operation can give, each in the one envelope, described by the error table's codes. */
function errors(...codes: ErrorCode[]): Json {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, named]) => [
      String(status),
      json(ref("ErrorEnvelope"), `${named.join(" or ")} (see error.code)`),
    ]),
  );
}

const apiKey = [{ bearerKey: [] }, { apiKeyHeader: [] }];
const gatewayRefusals: ErrorCode[] = ["unauthenticated", "forbidden", "rate_limited"];

/**
 * The OpenAPI 3.1 document of Orbit's HTTP API (served at /api/v1/openapi.json): the versioned REST API, the probes,
 * the metrics scrape and webhook ingress. Schemas come from the zod schemas the routes validate with (requests) and
 * the ones describing their answers (openapi-schemas.ts), through zod's own JSON Schema output, so the document
 * follows the code instead of being kept beside it. The MCP endpoints (/api/mcp, /api/mcp/{server}) speak MCP's
 * Streamable HTTP (JSON-RPC) and are described by the MCP specification, not here.
 */
export function buildOpenApiDocument(): Json {
  const schema = (zodSchema: z.ZodType, io: "input" | "output" = "output") => {
    const { $schema: _, ...rest } = z.toJSONSchema(zodSchema, { io, unrepresentable: "any" }) as Json;
    return rest;
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Orbit",
      version: orbitVersion,
      description:
        "Orbit, the MCP integration gateway. Errors from every JSON route share one envelope (ErrorEnvelope) and " +
        "carry the request id in `x-request-id`. MCP clients use /api/mcp and /api/mcp/{server} (MCP Streamable " +
        "HTTP, see the MCP specification).",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearerKey: {
          type: "http",
          scheme: "bearer",
          description: "An Orbit API key: `Authorization: Bearer orbit_…`",
        },
        apiKeyHeader: {
          type: "apiKey",
          in: "header",
          name: "X-API-Key",
          description: "The same key in X-API-Key.",
        },
      },
      schemas: {
        ErrorEnvelope: schema(errorEnvelopeSchema),
        Health: schema(healthSchema),
        Readiness: schema(readinessSchema),
        RestMcpRequest: schema(restMcpInput, "input"),
        RestMcpAnswer: schema(restMcpAnswerSchema),
        RestServers: schema(restServersSchema),
        WebhookReceipt: schema(webhookReceiptSchema),
      },
    },
    paths: {
      "/api/v1/mcp/{server}": {
        post: {
          operationId: "callServer",
          summary: "Call a tool, or list the tools, of one server (REST facade of the older gateway API)",
          description:
            "Needs a key with the `mcp` or `server:<slug>` scope; every request lands in the request log with its key.",
          security: apiKey,
          parameters: [{ name: "server", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: ref("RestMcpRequest") } } },
          responses: {
            "200": json(ref("RestMcpAnswer"), "The answer; a tool that said no has `result.isError: true`"),
            ...errors(
              "bad_request",
              ...gatewayRefusals,
              "not_found",
              "too_large",
              "unprocessable",
              "upstream_error",
              "circuit_open",
              "unavailable",
              "upstream_timeout",
            ),
          },
        },
      },
      "/api/v1/servers": {
        get: {
          operationId: "listServers",
          summary: "The servers this key may use, with health and tool counts",
          security: apiKey,
          responses: { "200": json(ref("RestServers"), "The servers"), ...errors(...gatewayRefusals) },
        },
      },
      ...requestExportOpenApiPath(errors),
      ...liveStreamOpenApiPath(errors),
      ...jobsOpenApiPaths(errors),
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": json({ type: "object" }, "The OpenAPI 3.1 document") },
        },
      },
      "/api/health": {
        get: {
          operationId: "getHealth",
          summary: "Liveness: answers while the process serves requests",
          security: [],
          responses: { "200": json(ref("Health"), "Alive") },
        },
      },
      "/api/ready": {
        get: {
          operationId: "getReadiness",
          summary: "Readiness: the database (and Redis, when configured) answer",
          security: [],
          responses: {
            "200": json(ref("Readiness"), "Ready"),
            "503": json(ref("Readiness"), "Not ready: see checks"),
          },
        },
      },
      "/api/metrics": {
        get: {
          operationId: "getMetrics",
          summary:
            "Prometheus metrics of this web process (the worker serves its own, see ORBIT_WORKER_METRICS_PORT)",
          description: "Needs a key with the `metrics` scope.",
          security: apiKey,
          responses: {
            "200": {
              description: "Prometheus text exposition format",
              content: { "text/plain; version=0.0.4; charset=utf-8": { schema: { type: "string" } } },
            },
            ...errors("unauthenticated", "forbidden"),
          },
        },
      },
      "/api/webhooks/{slug}": {
        post: {
          operationId: "receiveWebhook",
          summary: "Platform ingress: verified on the raw body, stored, routed to a tool",
          description:
            "Authenticated by the integration's verifier (GitHub, Standard Webhooks, Respond.io, Builder.io or a " +
            "generic HMAC signature), not by an API key. A duplicate delivery gets the first one's outcome and " +
            "`x-orbit-duplicate: true`.",
          security: [],
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: {} } } },
          responses: {
            "200": json(ref("WebhookReceipt"), "Done (sync mode, or a duplicate of a finished delivery)"),
            "202": json(ref("WebhookReceipt"), "Accepted: stored and on its way"),
            ...errors("bad_request", "bad_signature", "not_found", "too_large", "rate_limited"),
          },
        },
      },
    },
  };
}
