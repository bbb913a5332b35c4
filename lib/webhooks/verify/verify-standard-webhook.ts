import { Webhook } from "standardwebhooks";
import { collectSecrets } from "@/lib/webhooks/verify/collect-secrets";
import { decodeUtf8Body } from "@/lib/webhooks/verify/decode-utf8-body";
import { failVerification } from "@/lib/webhooks/verify/fail-verification";
import { parseJsonObject } from "@/lib/webhooks/verify/parse-json-object";
import { readHeader } from "@/lib/webhooks/verify/read-header";
import { safeEqualStrings } from "@/lib/webhooks/verify/safe-equal-strings";
import { toBodyBytes } from "@/lib/webhooks/verify/to-body-bytes";
import type { VerificationResult } from "@/lib/webhooks/verify/verification-result";

export const STANDARD_WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

// Webhook#verify() checks the timestamp against Date.now() inside the package, so it cannot honour the `now` we are
// given (and tests of the 5-minute window would race the clock). We use the package for what matters — decoding the
// whsec_ secret and computing `v1,<base64 HMAC of id.timestamp.body>` with Webhook#sign() — and compare and check
// the window ourselves. The signature is checked before the window, so `stale_timestamp` always means "genuinely
// signed, but too old or too new" (a replay or a skewed clock), never a forgery.

export function verifyStandardWebhook(options: {
  secrets: unknown;
  rawBody: string | Uint8Array;
  headers: Headers;
  now: Date;
}): VerificationResult {
  const secrets = collectSecrets(options.secrets);
  const webhooks: { webhook: Webhook; index: number }[] = [];
  for (const { secret, index } of secrets) {
    try {
      webhooks.push({ webhook: new Webhook(secret), index });
    } catch {
      // Not base64 after whsec_: treated like a missing secret below if none is usable.
    }
  }
  if (webhooks.length === 0)
    return failVerification("missing_secret", "No valid whsec_ secret is configured.");

  const signatures = readHeader(options.headers, "webhook-signature");
  if (signatures === null)
    return failVerification("missing_signature", "Header webhook-signature is missing.");
  const id = readHeader(options.headers, "webhook-id");
  const timestampHeader = readHeader(options.headers, "webhook-timestamp");
  if (id === null || timestampHeader === null || !/^\d{1,12}$/.test(timestampHeader)) {
    return failVerification(
      "malformed",
      "Headers webhook-id and webhook-timestamp (Unix seconds) are required.",
    );
  }
  const timestamp = Number(timestampHeader);

  const bytes = toBodyBytes(options.rawBody);
  const body = bytes === null ? null : decodeUtf8Body(bytes);
  if (body === null) return failVerification("malformed", "The body is not UTF-8.");

  // The header may carry several space-separated signatures (the sender rotating too); any v1 one may match.
  const offered = signatures.split(" ").filter((entry) => entry.startsWith("v1,"));
  let secretIndex: number | null = null;
  for (const { webhook, index } of webhooks) {
    const expected = webhook.sign(id, new Date(timestamp * 1000), body);
    let matched = false;
    for (const entry of offered) matched = safeEqualStrings(entry, expected) || matched;
    if (matched) {
      secretIndex = index;
      break;
    }
  }
  if (secretIndex === null)
    return failVerification("bad_signature", "No v1 signature in webhook-signature matches.");

  // Written so that an invalid `now` (NaN) fails closed rather than passing every comparison.
  const skew = Math.floor(options.now.getTime() / 1000) - timestamp;
  if (!(Math.abs(skew) <= STANDARD_WEBHOOK_TOLERANCE_SECONDS)) {
    return failVerification(
      "stale_timestamp",
      `webhook-timestamp is ${Math.abs(skew)} s ${skew > 0 ? "old" : "in the future"}; the limit is 5 minutes.`,
    );
  }

  const type = parseJsonObject(body)?.type;
  return { ok: true, deliveryId: id, eventType: typeof type === "string" ? type : null, secretIndex };
}
