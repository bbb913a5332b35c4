import type { Delivery, Integration, IntegrationRoute } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { toAppError } from "@/lib/http/error-response";
import { log } from "@/lib/telemetry/log";
import { observeToolCall } from "@/lib/telemetry/observe-tool-call";
import { withRequestContext } from "@/lib/telemetry/request-context";
import { withSpan } from "@/lib/telemetry/with-span";
import type { ToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";
import { boundToolResult } from "@/lib/webhooks/processing/bound-tool-result";
import { callRouteTool } from "@/lib/webhooks/processing/call-route-tool";
import type { DeliveryClaim } from "@/lib/webhooks/processing/delivery-claim";
import type { DeliveryOutcome } from "@/lib/webhooks/processing/delivery-outcome";
import { enqueueDeliveries } from "@/lib/webhooks/processing/enqueue-deliveries";
import { finishDelivery } from "@/lib/webhooks/processing/finish-delivery";
import { recordDeliveryAttempt } from "@/lib/webhooks/processing/record-delivery-attempt";
import { sendDeliveryReply } from "@/lib/webhooks/processing/send-delivery-reply";
import { settleFailedCall } from "@/lib/webhooks/processing/settle-failed-call";
import { startDeliveryJob } from "@/lib/webhooks/processing/start-delivery-job";
import { extractEvent } from "@/lib/webhooks/routing/extract-event";
import { matchRoute } from "@/lib/webhooks/routing/match-route";
import { toWebhookKind } from "@/lib/webhooks/to-webhook-kind";

type Loaded = Delivery & { integration: Integration & { routes: IntegrationRoute[] } };
type Attempt = Omit<DeliveryOutcome, "deliveryId" | "attempts">;
type Trace = {
  call: ToolCallOutcome | null;
  args: Record<string, unknown> | null;
  routeMs?: number;
  mapMs?: number;
};

export type RunDeliveryOptions = {
  deps?: ToolCallDeps;
  random?: () => number;
  /** A sync delivery's intake, measured in this process: when verification began and how long it took. */
  intake?: { startedAt: number; verifyMs: number };
};

/**
 * One processing attempt of a delivery this processor has claimed: route the event, act, write the outcome and a
 * request-log row, release the claim. Answers null when there was nothing to write (the delivery is gone, or the
 * claim was lost to another processor after this one overran its lock).
 */
export async function runClaimedDelivery(
  claim: DeliveryClaim,
  options: RunDeliveryOptions = {},
): Promise<DeliveryOutcome | null> {
  const started = performance.now();
  const lockEnds = Date.now() + claim.lockMs - 5_000;
  const delivery = await getPrisma().delivery.findUnique({
    where: { id: claim.deliveryId },
    include: { integration: { include: { routes: { orderBy: { position: "asc" } } } } },
  });
  if (!delivery) return null;

  const trace: Trace = { call: null, args: null };
  // Give up on the tool call before the lock runs out, so no other processor can start while this one still runs.
  const signal = AbortSignal.timeout(Math.max(100, claim.lockMs - Math.min(10_000, claim.lockMs / 4)));
  // Logs and spans of the attempt carry the request id the webhook got at intake, whichever process runs it.
  const spanAttributes = {
    "orbit.delivery_id": delivery.id,
    "orbit.integration": delivery.integration.slug,
    "orbit.attempt": claim.attempts,
  };
  const attempt = await withRequestContext(delivery.requestId, () =>
    withSpan("orbit.webhook.process", spanAttributes, () =>
      attemptDelivery(delivery, claim, trace, signal, options),
    ),
  ).catch((error: unknown) => {
    const failure = settleFailedCall({
      ...retryInput(delivery, claim, options),
      error: toAppError(error),
      tool: null,
    });
    return { ...emptyAttempt(), ...failure };
  });
  if (attempt.status === "succeeded" && attempt.result) {
    // After the tool and before the write, so the reply's fate lands in the same row; it never re-runs the tool.
    const reply = await sendDeliveryReply({
      delivery,
      integration: delivery.integration,
      routeId: attempt.routeId,
      result: attempt.result,
      deadline: lockEnds,
    });
    if (reply) attempt.result = { ...attempt.result, reply };
  }
  const outcome: DeliveryOutcome = { deliveryId: delivery.id, attempts: claim.attempts, ...attempt };

  const written = await finishDelivery(claim, outcome);
  recordDeliveryAttempt({
    delivery,
    outcome,
    call: trace.call,
    args: trace.args,
    latencyMs: performance.now() - started,
    steps: {
      verifyMs: options.intake?.verifyMs,
      routeMs: trace.routeMs,
      mapMs: trace.mapMs,
      totalMs: performance.now() - (options.intake?.startedAt ?? started),
    },
  });
  if (!written) {
    log.warn("delivery claim lost", { deliveryId: delivery.id, requestId: delivery.requestId });
    return null;
  }
  // The retry's wake-up, after the row says "retrying": an entry that fired first would find nothing to claim.
  if (outcome.status === "retrying") {
    await enqueueDeliveries([{ deliveryId: delivery.id, at: outcome.nextAttemptAt }]);
  }
  return outcome;
}

async function attemptDelivery(
  delivery: Loaded,
  claim: DeliveryClaim,
  trace: Trace,
  signal: AbortSignal,
  options: RunDeliveryOptions,
): Promise<Attempt> {
  const { integration } = delivery;
  const schedule = retryInput(delivery, claim, options).schedule;
  // Attempts are counted when claimed, so processors that crashed mid-attempt use them up too: a delivery that kills
  // every processor that touches it ends dead instead of looping forever.
  if (claim.attempts > schedule.length) {
    return {
      ...emptyAttempt(),
      status: "dead",
      errorCode: "attempts_exhausted",
      errorMessage: `Abandoned after ${claim.attempts - 1} attempts that did not finish.`,
    };
  }

  const routing = performance.now();
  const payload: unknown = JSON.parse(delivery.body);
  const event = extractEvent({
    kind: toWebhookKind(integration.kind),
    payload,
    eventType: delivery.eventType,
  });
  const matched = await matchRoute(integration.routes, event);
  trace.routeMs = performance.now() - routing;
  if (!matched) {
    return { ...emptyAttempt(), status: "unrouted", errorMessage: "No route matched this event." };
  }

  const { route } = matched;
  const routed = { ...emptyAttempt(), routeId: route.id, routeName: route.name };
  if (route.actionType === "start_job") {
    return { ...routed, ...(await startDeliveryJob({ deliveryId: delivery.id, route, payload })) };
  }
  if (route.actionType !== "call_tool") {
    return {
      ...routed,
      status: "failed",
      errorCode: "unprocessable",
      errorMessage: `Route "${route.name}" has an unknown action "${route.actionType}".`,
    };
  }

  const called = await callRouteTool({
    route,
    event,
    integrationId: integration.id,
    signal,
    deps: options.deps,
    // The request-log row is written once the attempt is settled (it carries the delivery's status); metrics take
    // the outcome as it comes.
    record: (outcome) => {
      trace.call = outcome;
      observeToolCall(outcome);
    },
  });
  trace.args = called.args;
  trace.mapMs = called.mapMs;
  const withTool = { ...routed, tool: route.toolName, serverSlug: trace.call?.slug ?? null };
  if (called.ok) {
    const result = boundToolResult(called.response.result);
    // The tool answered "no" (isError): the call worked, so it is not retried; the answer is kept for the reader.
    return result.isError
      ? {
          ...withTool,
          status: "failed",
          result,
          errorCode: "tool_error",
          errorMessage: firstText(result.content),
        }
      : { ...withTool, status: "succeeded", result };
  }
  return { ...withTool, ...settleFailedCall({ ...retryInput(delivery, claim, options), ...called }) };
}

function retryInput(delivery: Loaded, claim: DeliveryClaim, options: RunDeliveryOptions) {
  const stored = delivery.integration.retrySchedule;
  return {
    attempts: claim.attempts,
    schedule: stored.length > 0 ? stored : [0],
    now: new Date(),
    random: options.random,
  };
}

function emptyAttempt(): Attempt {
  return {
    status: "failed",
    routeId: null,
    routeName: null,
    serverSlug: null,
    tool: null,
    result: null,
    errorCode: null,
    errorMessage: null,
    nextAttemptAt: null,
  };
}

function firstText(content: unknown[]): string {
  const text = content.find(
    (part): part is { type: "text"; text: string } =>
      typeof part === "object" && part !== null && (part as { type?: unknown }).type === "text",
  );
  return text?.text.slice(0, 500) ?? "The tool reported an error.";
}
