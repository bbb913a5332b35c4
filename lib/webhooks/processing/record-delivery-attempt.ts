import type { Delivery } from "@/lib/db/generated/client";
import { log } from "@/lib/telemetry/log";
import { recordRequest } from "@/lib/telemetry/record-request";
import { toRequestTimings } from "@/lib/telemetry/to-request-timings";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";
import type { DeliveryOutcome } from "@/lib/webhooks/processing/delivery-outcome";

/**
 * One request-log row per processing attempt, whatever its path. When the attempt called a tool the same row
 * carries the call (server, tool, attempts, cache hit), so a delivery and its tool call are one line in the log
 * rather than two that must be joined. recordRequest buffers; it never holds up the caller.
 */
export function recordDeliveryAttempt(entry: {
  delivery: Pick<Delivery, "id" | "integrationId" | "requestId">;
  outcome: DeliveryOutcome;
  call: ToolCallOutcome | null;
  args: Record<string, unknown> | null;
  latencyMs: number;
  /** Measured before the call: signature check (sync intake only), route match, argument mapping. */
  steps: { verifyMs?: number; routeMs?: number; mapMs?: number; totalMs: number };
}): void {
  const { delivery, outcome, call } = entry;
  try {
    recordRequest({
      requestId: delivery.requestId,
      source: "webhook",
      integrationId: delivery.integrationId,
      deliveryId: delivery.id,
      routeId: outcome.routeId ?? undefined,
      serverId: call?.serverId,
      serverSlug: call?.slug ?? outcome.serverSlug ?? undefined,
      tool: outcome.tool ?? undefined,
      status: outcome.status,
      errorCode: outcome.errorCode ?? undefined,
      latencyMs: Math.round(entry.latencyMs),
      attempts: call?.attempts,
      cached: call?.cached,
      requestBody: entry.args ?? undefined,
      responseBody: outcome.result ?? (outcome.errorMessage ? { error: outcome.errorMessage } : undefined),
      timings: toRequestTimings({ ...entry.steps, call: call?.timings }),
    });
  } catch (error) {
    // Telemetry must never decide a delivery's fate.
    log.error("request log failed", { deliveryId: delivery.id, error });
  }
}
