import { verify } from "@octokit/webhooks-methods";
import { collectSecrets } from "@/lib/webhooks/verify/collect-secrets";
import { decodeUtf8Body } from "@/lib/webhooks/verify/decode-utf8-body";
import { failVerification } from "@/lib/webhooks/verify/fail-verification";
import { readHeader } from "@/lib/webhooks/verify/read-header";
import { toBodyBytes } from "@/lib/webhooks/verify/to-body-bytes";
import type { VerificationResult } from "@/lib/webhooks/verify/verification-result";

// GitHub signs the raw body with HMAC-SHA256 (X-Hub-Signature-256). The legacy SHA-1 X-Hub-Signature is not
// accepted. X-GitHub-Delivery is the dedupe key: GitHub keeps it on redelivery.

export async function verifyGithubWebhook(options: {
  secrets: unknown;
  rawBody: string | Uint8Array;
  headers: Headers;
}): Promise<VerificationResult> {
  const secrets = collectSecrets(options.secrets);
  if (secrets.length === 0) return failVerification("missing_secret", "No webhook secret is configured.");

  const signature = readHeader(options.headers, "x-hub-signature-256");
  if (signature === null)
    return failVerification("missing_signature", "Header X-Hub-Signature-256 is missing.");

  const bytes = toBodyBytes(options.rawBody);
  const body = bytes === null ? null : decodeUtf8Body(bytes);
  // The package refuses (throws on) an empty payload; GitHub never sends one.
  if (body === null || body === "") return failVerification("malformed", "The body is empty or not UTF-8.");

  let secretIndex: number | null = null;
  for (const { secret, index } of secrets) {
    // verify() compares in constant time once lengths agree; the length of a sha256=<hex> string is public.
    const valid = await verify(secret, body, signature).catch(() => false);
    if (valid) {
      secretIndex = index;
      break;
    }
  }
  if (secretIndex === null) {
    return failVerification("bad_signature", "X-Hub-Signature-256 does not match the body.");
  }

  const deliveryId = readHeader(options.headers, "x-github-delivery");
  if (deliveryId === null) return failVerification("malformed", "Header X-GitHub-Delivery is missing.");
  return { ok: true, deliveryId, eventType: readHeader(options.headers, "x-github-event"), secretIndex };
}
