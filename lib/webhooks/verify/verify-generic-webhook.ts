import { checkSecretHeader } from "@/lib/webhooks/verify/check-secret-header";
import { collectSecrets } from "@/lib/webhooks/verify/collect-secrets";
import { decodeUtf8Body } from "@/lib/webhooks/verify/decode-utf8-body";
import { failVerification } from "@/lib/webhooks/verify/fail-verification";
import { hashBody } from "@/lib/webhooks/verify/hash-body";
import { parseJsonObject } from "@/lib/webhooks/verify/parse-json-object";
import { readHeader } from "@/lib/webhooks/verify/read-header";
import { readJsonPath } from "@/lib/webhooks/verify/read-json-path";
import { toBodyBytes } from "@/lib/webhooks/verify/to-body-bytes";
import type { KindConfig } from "@/lib/webhooks/verify/verification-config-schema";
import type { VerificationResult } from "@/lib/webhooks/verify/verification-result";

// Any sender that can add a header. The body need not be JSON; only the event-type path needs it. Without a delivery
// header the body hash is the dedupe key, so two identical payloads sent on purpose count as one.

export function verifyGenericWebhook(options: {
  secrets: unknown;
  config: KindConfig<"generic">;
  rawBody: string | Uint8Array;
  headers: Headers;
}): VerificationResult {
  const secrets = collectSecrets(options.secrets);
  if (secrets.length === 0) return failVerification("missing_secret", "No webhook secret is configured.");

  const bytes = toBodyBytes(options.rawBody);
  if (bytes === null) return failVerification("malformed", "The body is neither a string nor bytes.");
  const { mode, header, deliveryIdHeader, eventTypeHeader, eventTypePath } = options.config;
  const check = checkSecretHeader({ mode, header, secrets, body: bytes, headers: options.headers });
  if (!check.ok) return check;

  let deliveryId = hashBody(bytes);
  if (deliveryIdHeader !== undefined) {
    const fromHeader = readHeader(options.headers, deliveryIdHeader);
    if (fromHeader === null) return failVerification("malformed", `Header ${deliveryIdHeader} is missing.`);
    deliveryId = fromHeader;
  }

  let eventType: string | null = null;
  if (eventTypeHeader !== undefined) eventType = readHeader(options.headers, eventTypeHeader);
  if (eventType === null && eventTypePath !== undefined) {
    eventType = readJsonPath(parseJsonObject(decodeUtf8Body(bytes)), eventTypePath);
  }
  return { ok: true, deliveryId, eventType, secretIndex: check.secretIndex };
}
