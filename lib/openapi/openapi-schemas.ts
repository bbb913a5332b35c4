import { z } from "zod";
import { errorStatus } from "@/lib/errors/app-error";

// The shapes the REST surface answers with, as zod schemas for the OpenAPI document. Requests are validated by the
// schemas next to their routes (restMcpInput) and are used from there; these describe answers, which the code builds
// as TypeScript types; openapi-document.test.ts has the compiler check that each schema still matches its type.

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
      message: z.string().meta({ description: "Safe to show; never a stack trace or a driver message." }),
      details: z.record(z.string(), z.unknown()).optional().meta({
        description: "Per code: `issues` for 422, `reason` for 401 bad_signature, `attempts` for 502–504.",
      }),
    }),
    requestId: z.string().meta({
      description: "Also in the `x-request-id` header, and on the log lines and trace spans of the request.",
    }),
  })
  .meta({ description: "Every JSON error answer. The code decides the HTTP status." });

export const healthSchema = z.object({ status: z.literal("ok"), version: z.string() });

const checkState = z.enum(["ok", "not_configured", "error"]);
// The worker's heartbeat: stale when the newest running worker missed three beats, none when no worker runs.
const workerState = z.enum(["ok", "stale", "none", "error"]);
export const readinessSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  checks: z.object({ database: checkState, redis: checkState, worker: workerState }),
});

const callToolResultSchema = z
  .looseObject({
    content: z.array(z.looseObject({ type: z.string() })),
    structuredContent: z.record(z.string(), z.unknown()).optional(),
    isError: z
      .boolean()
      .optional()
      .meta({ description: "The tool said no; the call itself worked (still a 200)." }),
  })
  .meta({ description: "The MCP CallToolResult, as the server answered it." });

const toolListSchema = z
  .object({ tools: z.array(z.looseObject({ name: z.string(), inputSchema: z.looseObject({}) })) })
  .meta({ description: "MCP Tool objects: the registry's tools this key may call." });

export const restMcpAnswerSchema = z.object({
  result: z.union([callToolResultSchema, toolListSchema]).meta({
    description: "call_tool: the tool's result; list_tools: `{tools}`.",
  }),
  backend: z.string().meta({
    description:
      "The replica that answered (its origin), or the server slug for a cached or registry answer.",
  }),
  response_time: z
    .number()
    .int()
    .meta({ description: "Milliseconds inside Orbit: cache, retries and backoff included." }),
  cached: z.boolean(),
});

const replicaCircuitSchema = z.object({
  backend: z
    .string()
    .meta({ description: "The replica's origin; URL paths may carry credentials and never leave." }),
  weight: z.number().int(),
  state: z.enum(["closed", "half_open", "open"]),
});

export const restServersSchema = z.object({
  servers: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      enabled: z.boolean(),
      toolCount: z.number().int().meta({ description: "Tools this key may list and call." }),
      health: z.object({
        status: z.enum(["up", "degraded", "down", "disabled"]),
        replicas: z.array(replicaCircuitSchema),
      }),
    }),
  ),
});

export const webhookReceiptSchema = z
  .looseObject({
    deliveryId: z.string(),
    status: z
      .string()
      .meta({ description: "The delivery's status: received, processing, succeeded, failed, dead, …" }),
    route: z.object({ id: z.string(), name: z.string().nullable() }).nullable().optional(),
    tool: z.string().nullable().optional(),
    result: z
      .unknown()
      .optional()
      .meta({ description: "Sync mode: the tool's result once the delivery is done." }),
    error: z.object({ code: z.string(), message: z.string().nullable() }).nullable().optional(),
    requestId: z.string(),
  })
  .meta({
    description:
      "202 while the delivery is on its way (async mode, or past the sync deadline); 200 once done.",
  });
