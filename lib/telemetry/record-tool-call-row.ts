import { type RequestLogEntry, recordRequest } from "@/lib/telemetry/record-request";
import { toRequestTimings } from "@/lib/telemetry/to-request-timings";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

/**
 * The request-log row of one direct tool call (chat, the maintenance form, a job step): status from the error code,
 * latency, attempts, cache and step timings from callTool's outcome, unless the caller measured them itself.
 */
export function recordToolCallRow(row: {
  requestId: string;
  source: RequestLogEntry["source"];
  serverId: string | null;
  serverSlug: string | null;
  tool: string;
  outcome: ToolCallOutcome | null;
  errorCode: string | null;
  requestBody: unknown;
  responseBody: unknown;
  measured?: { latencyMs: number; attempts: number; cached: boolean };
}): void {
  const { outcome, measured } = row;
  const latencyMs = measured?.latencyMs ?? outcome?.latencyMs ?? 0;
  recordRequest({
    requestId: row.requestId,
    source: row.source,
    serverId: row.serverId,
    serverSlug: row.serverSlug,
    tool: row.tool,
    status: row.errorCode ? "failed" : "succeeded",
    errorCode: row.errorCode,
    latencyMs,
    attempts: measured?.attempts ?? outcome?.attempts ?? 0,
    cached: measured?.cached ?? outcome?.cached ?? false,
    timings: toRequestTimings({ call: outcome?.timings, totalMs: latencyMs }),
    requestBody: row.requestBody,
    responseBody: row.responseBody,
  });
}
