import { buildBuilderioDeliveryId } from "@/lib/webhooks/verify/build-builderio-delivery-id";
import { checkSecretHeader } from "@/lib/webhooks/verify/check-secret-header";
import { collectSecrets } from "@/lib/webhooks/verify/collect-secrets";
import { decodeUtf8Body } from "@/lib/webhooks/verify/decode-utf8-body";
import { failVerification } from "@/lib/webhooks/verify/fail-verification";
import { parseJsonObject } from "@/lib/webhooks/verify/parse-json-object";
import { toBodyBytes } from "@/lib/webhooks/verify/to-body-bytes";
import type { KindConfig } from "@/lib/webhooks/verify/verification-config-schema";
import type { VerificationResult } from "@/lib/webhooks/verify/verification-result";

// Builder.io has no signature scheme: the admin adds a custom header carrying the shared secret (or, through a proxy
// that can sign, an HMAC of the body).

export function verifyBuilderioWebhook(options: {
  secrets: unknown;
  config: KindConfig<"builderio">;
  rawBody: string | Uint8Array;
  headers: Headers;
}): VerificationResult {
  const secrets = collectSecrets(options.secrets);
  if (secrets.length === 0) return failVerification("missing_secret", "No webhook secret is configured.");

  const bytes = toBodyBytes(options.rawBody);
  if (bytes === null) return failVerification("malformed", "The body is neither a string nor bytes.");
  const check = checkSecretHeader({ ...options.config, secrets, body: bytes, headers: options.headers });
  if (!check.ok) return check;

  const payload = parseJsonObject(decodeUtf8Body(bytes));
  if (payload === null) return failVerification("malformed", "The body is not a JSON object.");
  const operation = typeof payload.operation === "string" ? payload.operation : null;
  return {
    ok: true,
    deliveryId: buildBuilderioDeliveryId(payload, bytes),
    eventType: operation,
    secretIndex: check.secretIndex,
  };
}
