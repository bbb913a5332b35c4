import { collectSecrets } from "@/lib/webhooks/verify/collect-secrets";
import { decodeUtf8Body } from "@/lib/webhooks/verify/decode-utf8-body";
import { failVerification } from "@/lib/webhooks/verify/fail-verification";
import { hashBody } from "@/lib/webhooks/verify/hash-body";
import { matchHmacSignature } from "@/lib/webhooks/verify/match-hmac-signature";
import { parseJsonObject } from "@/lib/webhooks/verify/parse-json-object";
import { readHeader } from "@/lib/webhooks/verify/read-header";
import { readJsonPath } from "@/lib/webhooks/verify/read-json-path";
import { toBodyBytes } from "@/lib/webhooks/verify/to-body-bytes";
import type { KindConfig } from "@/lib/webhooks/verify/verification-config-schema";
import type { VerificationResult } from "@/lib/webhooks/verify/verification-result";

// Respond.io signs the raw body (base64 HMAC-SHA256, no timestamp) and sends no delivery id. Its field names come from
// third-party integrations, so header and paths are configurable. The delivery id is `<event_type>:<message id>`:
// stable across Respond.io's retries, and a message id reused by another event type (say a status update) is not
// mistaken for a duplicate. Events without a message id (conversation.closed) fall back to a hash of the body.

export function verifyRespondioWebhook(options: {
  secrets: unknown;
  config: KindConfig<"respondio">;
  rawBody: string | Uint8Array;
  headers: Headers;
}): VerificationResult {
  const secrets = collectSecrets(options.secrets);
  if (secrets.length === 0) return failVerification("missing_secret", "No webhook secret is configured.");

  const { signatureHeader, deliveryIdPath, eventTypePath } = options.config;
  const signature = readHeader(options.headers, signatureHeader);
  if (signature === null)
    return failVerification("missing_signature", `Header ${signatureHeader} is missing.`);

  const bytes = toBodyBytes(options.rawBody);
  if (bytes === null) return failVerification("malformed", "The body is neither a string nor bytes.");
  const secretIndex = matchHmacSignature({ secrets, body: bytes, signature, encodings: ["base64"] });
  if (secretIndex === null) {
    return failVerification("bad_signature", `Header ${signatureHeader} does not match the body.`);
  }

  const payload = parseJsonObject(decodeUtf8Body(bytes));
  if (payload === null) return failVerification("malformed", "The body is not a JSON object.");
  const eventType = readJsonPath(payload, eventTypePath);
  const messageId = readJsonPath(payload, deliveryIdPath);
  const deliveryId = messageId === null ? hashBody(bytes) : `${eventType ?? "unknown"}:${messageId}`;
  return { ok: true, deliveryId, eventType, secretIndex };
}
