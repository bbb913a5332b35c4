import type { Delivery, Integration } from "@/lib/db/generated/client";
import { openReplyConfig } from "@/lib/integrations/open-reply-config";
import { buildRespondioReply } from "@/lib/integrations/respondio/build-respondio-reply";
import {
  type RespondioSendResult,
  sendRespondioMessage,
} from "@/lib/integrations/respondio/send-respondio-message";
import { recordRequest } from "@/lib/telemetry/record-request";
import type { ReplyOutcome, StoredToolResult } from "@/lib/webhooks/processing/delivery-outcome";

const MAX_TRIES = 3;
/** Longest retry-after honoured; a longer one ends the reply as failed rather than holding the delivery's lock. */
const MAX_WAIT_MS = 10_000;

/**
 * Sends a succeeded delivery's text answer back to the Respond.io contact, when the integration has reply settings.
 * Null when there is nothing to do (another kind, no settings, the delivery did not succeed).
 *
 * Retries (429 / 449 / 5xx / network) happen here, within the same attempt and before the delivery is written,
 * honouring retry-after up to MAX_WAIT_MS and never past `deadline` (the claim's lock). A reply that still fails is
 * stored as `reply.status = "failed"` on a delivery that stays `succeeded`: the tool has run and must not run again,
 * and keeping reply retries out of the delivery schedule means no state besides the delivery row is needed. A replay
 * of the delivery runs the tool and the reply again, on purpose.
 */
export async function sendDeliveryReply(options: {
  delivery: Pick<Delivery, "id" | "body" | "requestId" | "integrationId">;
  integration: Pick<Integration, "kind" | "replyConfig">;
  routeId: string | null;
  result: StoredToolResult | null;
  deadline: number;
  sleep?: (ms: number) => Promise<void>;
}): Promise<ReplyOutcome | null> {
  const { delivery, integration } = options;
  if (integration.kind !== "respondio" || !options.result) return null;
  let config: ReturnType<typeof openReplyConfig>;
  try {
    config = openReplyConfig(integration.replyConfig);
  } catch (error) {
    return finish(
      options,
      { status: "failed", error: `Reply settings unreadable: ${String(error)}`, attempts: 0 },
      0,
    );
  }
  if (!config) return null;

  const started = performance.now();
  const built = buildRespondioReply({
    payload: safeParse(delivery.body),
    result: options.result,
    channelId: config.channelId,
  });
  if (!built.ok) return finish(options, { status: "skipped", reason: built.reason }, 0);

  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  let sent: RespondioSendResult | null = null;
  let tries = 0;
  while (tries < MAX_TRIES) {
    tries++;
    const remaining = options.deadline - Date.now();
    sent = await sendRespondioMessage({
      baseUrl: config.baseUrl,
      token: config.token,
      ...built.reply,
      timeoutMs: Math.max(1, Math.min(10_000, remaining)),
    });
    if (sent.ok || !sent.retryable || tries === MAX_TRIES) break;
    const wait = Math.min(sent.retryAfterMs ?? 500 * 2 ** tries, MAX_WAIT_MS);
    if ((sent.retryAfterMs ?? 0) > MAX_WAIT_MS || Date.now() + wait + 1000 > options.deadline) break;
    await sleep(wait);
  }
  const outcome: ReplyOutcome = sent?.ok
    ? { status: "sent", messageId: sent.messageId, attempts: tries }
    : { status: "failed", error: sent?.error ?? "Not sent.", attempts: tries };
  return finish(options, outcome, performance.now() - started, built.reply);
}

function finish(
  options: { delivery: Pick<Delivery, "id" | "requestId" | "integrationId">; routeId: string | null },
  outcome: ReplyOutcome,
  latencyMs: number,
  request?: unknown,
): ReplyOutcome {
  recordRequest({
    requestId: options.delivery.requestId,
    source: "webhook",
    integrationId: options.delivery.integrationId,
    deliveryId: options.delivery.id,
    routeId: options.routeId,
    tool: "respondio.reply",
    status: outcome.status,
    errorCode: outcome.status === "failed" ? "reply_failed" : null,
    latencyMs,
    attempts: outcome.status === "skipped" ? 0 : outcome.attempts,
    requestBody: request,
    responseBody: outcome,
  });
  return outcome;
}

function safeParse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}
