import { z } from "zod";
import type { ErrorCode } from "@/lib/errors/app-error";
import { jobEventTypes } from "./job-event-types";
import { startJobInput } from "./start-job-input-schema";

const startedJob = z.object({
  jobId: z.string(),
  status: z.literal("queued"),
  streamUrl: z.string().meta({ description: "GET it for the job's events as SSE" }),
});

const jobView = z.object({
  jobId: z.string(),
  kind: z.enum(["playbook", "agent"]),
  playbook: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  agent: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  status: z.enum(["queued", "running", "succeeded", "failed", "cancelled", "timed_out"]),
  inputShape: z.enum(["input", "command", "textEntries", "webhook"]),
  input: z.string(),
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  attempts: z.int(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  streamUrl: z.string(),
});

const toSchema = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
};

/**
 * The jobs API's entries in the OpenAPI document (lib/openapi/build-openapi-document.ts), from the zod schema the
 * route validates with.
 */
export function jobsOpenApiPaths(errors: (...codes: ErrorCode[]) => Record<string, unknown>) {
  const security = [{ bearerKey: [] }, { apiKeyHeader: [] }, {}];
  const auth: ErrorCode[] = ["unauthenticated", "forbidden", "rate_limited"];
  const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
  const json = (schema: z.ZodType, description: string) => ({
    description,
    content: { "application/json": { schema: toSchema(schema, "output") } },
  });
  const who =
    "An API key with the `jobs` scope, or a signed-in session (operators start and cancel, any role reads).";
  return {
    "/api/v1/jobs": {
      post: {
        operationId: "startJob",
        summary: "Start a playbook or LLM agent job with one of the three payload shapes",
        description: `${who} Send exactly one of input, command or textEntries, and exactly one of playbook or agent (a slug or id). Agent jobs answer 503 while no model endpoint is configured (OPENAI_BASE_URL, OPENAI_API_KEY).`,
        security,
        requestBody: {
          required: true,
          content: { "application/json": { schema: toSchema(startJobInput, "input") } },
        },
        responses: {
          "202": json(startedJob, "Queued"),
          ...errors("bad_request", ...auth, "not_found", "too_large", "unprocessable", "unavailable"),
        },
      },
    },
    "/api/v1/jobs/{id}": {
      get: {
        operationId: "getJob",
        summary: "A job's status, input, result or error",
        description: who,
        security,
        parameters: [id],
        responses: { "200": json(jobView, "The job"), ...errors(...auth, "not_found") },
      },
    },
    "/api/v1/jobs/{id}/cancel": {
      post: {
        operationId: "cancelJob",
        summary: "Cancel a job: at once when queued, by aborting the running step when running",
        description: who,
        security,
        parameters: [id],
        responses: {
          "202": json(jobView, "Cancelled, or cancelling (status still running until the worker stops it)"),
          ...errors(...auth, "not_found", "conflict"),
        },
      },
    },
    "/api/v1/jobs/{id}/events": {
      get: {
        operationId: "streamJobEvents",
        summary: "The job's events as Server-Sent Events; ends after job_finished",
        description:
          `${who} Each event has \`id: <seq>\` (1, 2, …) and \`event: <type>\` (${jobEventTypes.join(", ")}); ` +
          "its data is `{seq, type, data, at}`. Reconnect with Last-Event-ID (or ?after=<seq>) to resume with no " +
          "gap and no repeat. A comment line arrives every 15 s while the job is quiet.",
        security,
        parameters: [
          id,
          { name: "after", in: "query", required: false, schema: { type: "integer", minimum: 0 } },
          { name: "Last-Event-ID", in: "header", required: false, schema: { type: "integer", minimum: 0 } },
        ],
        responses: {
          "200": {
            description: "The event stream",
            content: { "text/event-stream": { schema: { type: "string" } } },
          },
          ...errors("bad_request", ...auth, "not_found"),
        },
      },
    },
  };
}
