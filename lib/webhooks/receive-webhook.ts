import { randomUUID } from "node:crypto";
import { checkIpAccess } from "@/lib/config/check-ip-access";
import { getConfig } from "@/lib/config/get-config";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { getClientIp } from "@/lib/http/get-client-ip";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";
import { withRequestContext } from "@/lib/telemetry/request-context";
import { withSpan } from "@/lib/telemetry/with-span";
import { answerSyncDelivery } from "@/lib/webhooks/answer-sync-delivery";
import { countWebhookRejection } from "@/lib/webhooks/count-webhook-rejection";
import { findWebhookIntegration } from "@/lib/webhooks/find-webhook-integration";
import { openIntegrationSecrets } from "@/lib/webhooks/open-integration-secrets";
import { parseWebhookJson } from "@/lib/webhooks/parse-webhook-json";
import { pickDeliveryHeaders } from "@/lib/webhooks/pick-delivery-headers";
import { DELIVERY_LOCK_MS } from "@/lib/webhooks/processing/delivery-claim";
import type { StoredToolResult } from "@/lib/webhooks/processing/delivery-outcome";
import { enqueueDeliveries } from "@/lib/webhooks/processing/enqueue-deliveries";
import { storeDelivery } from "@/lib/webhooks/store-delivery";
import { toWebhookKind } from "@/lib/webhooks/to-webhook-kind";
import { toWebhookReceipt, type WebhookReceipt } from "@/lib/webhooks/to-webhook-receipt";
import type { VerificationConfigInput } from "@/lib/webhooks/verify/verification-config-schema";
import { verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

/**
 * A platform's POST to /api/webhooks/{slug}, up to the answer. The order is the point: cheap refusals first (source
 * IP limit, unknown slug, integration limit, size), then verification on the raw bytes, then parsing, and only then
 * the inbox write — so nothing unsigned is ever stored, and nothing stored is ever processed twice. Throws AppError
 * for every refusal (the route turns it into the envelope).
 */
export function receiveWebhook(options: ReceiveWebhookOptions): Promise<WebhookReceipt> {
  // The request id rides along for every log line and span below (a sync delivery's tool call included).
  return withRequestContext(options.requestId, () =>
    withSpan("orbit.webhook.receive", { "orbit.webhook_slug": options.slug }, async (span) => {
      const receipt = await receive(options);
      span.setAttributes({ "orbit.status": receipt.status, "orbit.duplicate": receipt.duplicate });
      return receipt;
    }),
  );
}

type ReceiveWebhookOptions = { slug: string; request: Request; requestId: string; now?: Date };

async function receive(options: ReceiveWebhookOptions): Promise<WebhookReceipt> {
  const { request, requestId } = options;
  const sourceIp = getClientIp(request.headers);
  // The configuration first (in memory after the first request): the IP lists refuse before anything is counted.
  const hot = await getConfig();
  checkIpAccess(hot, sourceIp);
  await checkRateLimit("webhookSourceIp", sourceIp);

  const integration = await findWebhookIntegration(options.slug);
  // Disabled looks the same as unknown: a stranger learns nothing about which slugs exist.
  if (!integration?.enabled) throw new AppError("not_found", "No webhook endpoint at this address.");
  await checkRateLimit("webhookIntegration", integration.id);

  const rawBody = await readLimitedBody(request, hot.settings.webhooks.maxBodyBytes);
  const kind = toWebhookKind(integration.kind);
  const verifyStarted = performance.now();
  const verified = await verifyWebhook({
    kind,
    secrets: openIntegrationSecrets(integration.secretsEncrypted),
    config: integration.verifyConfig,
    rawBody,
    headers: request.headers,
    now: options.now ?? new Date(),
  } as VerificationConfigInput & { rawBody: Uint8Array; headers: Headers; now: Date });
  const verifyMs = performance.now() - verifyStarted;
  if (!verified.ok) {
    countWebhookRejection({
      integrationId: integration.id,
      slug: integration.slug,
      reason: verified.reason,
      requestId,
      sourceIp,
    });
    // The sender's problem gets the verifier's words; ours (no usable secret) is logged, not explained.
    const message =
      verified.reason === "missing_secret" ? "The webhook could not be verified." : verified.message;
    throw new AppError("bad_signature", message, { details: { reason: verified.reason } });
  }

  const { text } = parseWebhookJson(rawBody);
  const config = headerNames(integration.verifyConfig);
  const claim =
    integration.mode === "sync"
      ? { token: `web-${process.pid}:${randomUUID()}`, lockMs: DELIVERY_LOCK_MS }
      : undefined;
  const stored = await storeDelivery({
    integrationId: integration.id,
    deliveryKey: verified.deliveryId,
    eventType: verified.eventType,
    headers: pickDeliveryHeaders(request.headers, {
      extra: [config.deliveryIdHeader, config.eventTypeHeader],
      secretHeaders: [config.header, config.signatureHeader],
    }),
    body: text,
    bodyBytes: rawBody.byteLength,
    sourceIp,
    requestId,
    claim,
  });

  if (stored.duplicate) {
    const { delivery } = stored;
    // The first delivery's outcome as it stands; never a second attempt.
    const result = delivery.result as StoredToolResult | null;
    // Named the same way the first answer was, so a resend reads like the original.
    const route = delivery.routeId
      ? await getPrisma().integrationRoute.findUnique({
          where: { id: delivery.routeId },
          select: { name: true, toolName: true },
        })
      : null;
    return toWebhookReceipt(
      { ...delivery, deliveryId: delivery.id, result, routeName: route?.name, tool: route?.toolName },
      true,
    );
  }
  const { delivery } = stored;
  if (!claim) {
    // After the inbox write, not in its transaction: the row is the promise to the sender, and a wake-up lost to a
    // crash in between is made up by the worker's sweep (requeueStrandedDeliveries).
    await enqueueDeliveries([{ deliveryId: delivery.id }]);
    return { status: 202, body: { deliveryId: delivery.id, status: delivery.status }, duplicate: false };
  }
  return answerSyncDelivery({
    claim: { deliveryId: delivery.id, token: claim.token, attempts: 1, lockMs: claim.lockMs },
    deadlineMs: integration.syncDeadlineMs,
    intake: { startedAt: verifyStarted, verifyMs },
  });
}

// Header names the integration configured, read loosely: the verifier has already rejected a config it cannot use.
function headerNames(config: unknown): Record<string, string | undefined> {
  const raw = (config && typeof config === "object" ? config : {}) as Record<string, unknown>;
  const pick = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  return {
    header: pick("header"),
    signatureHeader: pick("signatureHeader"),
    deliveryIdHeader: pick("deliveryIdHeader"),
    eventTypeHeader: pick("eventTypeHeader"),
  };
}
