import type { IndexedSecret } from "@/lib/webhooks/verify/collect-secrets";
import { failVerification } from "@/lib/webhooks/verify/fail-verification";
import { matchHmacSignature } from "@/lib/webhooks/verify/match-hmac-signature";
import { readHeader } from "@/lib/webhooks/verify/read-header";
import { safeEqualStrings } from "@/lib/webhooks/verify/safe-equal-strings";

export const DEFAULT_SECRET_HEADER = "x-orbit-secret";
export const DEFAULT_SIGNATURE_HEADER = "x-orbit-signature";

// For senders without a signature scheme of their own (Builder.io, generic): either the admin pastes the secret into
// a custom header ("header"), or the sender can compute an HMAC of the body ("hmac"). A shared header proves only
// that the sender knows the secret, not that the body is untouched, so "hmac" is preferred where the sender allows.

export function checkSecretHeader(options: {
  mode: "header" | "hmac";
  header?: string;
  secrets: IndexedSecret[];
  body: Uint8Array;
  headers: Headers;
}): { ok: true; secretIndex: number } | ReturnType<typeof failVerification> {
  const name = options.header ?? (options.mode === "hmac" ? DEFAULT_SIGNATURE_HEADER : DEFAULT_SECRET_HEADER);
  const provided = readHeader(options.headers, name);
  if (provided === null) return failVerification("missing_signature", `Header ${name} is missing.`);

  if (options.mode === "hmac") {
    const secretIndex = matchHmacSignature({
      secrets: options.secrets,
      body: options.body,
      signature: provided,
      encodings: ["hex", "base64"],
    });
    return secretIndex === null
      ? failVerification("bad_signature", `Header ${name} does not match an HMAC-SHA256 of the body.`)
      : { ok: true, secretIndex };
  }

  for (const { secret, index } of options.secrets) {
    if (safeEqualStrings(provided, secret)) return { ok: true, secretIndex: index };
  }
  return failVerification("bad_signature", `Header ${name} does not match the shared secret.`);
}
