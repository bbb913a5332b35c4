import { createHmac } from "node:crypto";
import type { IndexedSecret } from "@/lib/webhooks/verify/collect-secrets";
import { safeEqualStrings } from "@/lib/webhooks/verify/safe-equal-strings";

export type SignatureEncoding = "hex" | "base64";

// Senders differ in how they print an HMAC-SHA256: `sha256=` or not, hex or base64. Rather than decode what came in
// (Node's base64 decoder skips junk, so many strings would decode alike), the expected digest is printed each allowed
// way and compared as text in constant time. Returns the index of the secret that matched, or null.

export function matchHmacSignature(options: {
  secrets: IndexedSecret[];
  body: Uint8Array;
  signature: string;
  encodings: SignatureEncoding[];
}): number | null {
  const provided = options.signature.trim().replace(/^sha256=/i, "");
  for (const { secret, index } of options.secrets) {
    const digest = createHmac("sha256", secret).update(options.body).digest();
    let matched = false;
    for (const encoding of options.encodings) {
      const candidate = encoding === "hex" ? provided.toLowerCase() : provided;
      // No early exit between encodings: each secret costs the same whichever form the sender used.
      matched = safeEqualStrings(candidate, digest.toString(encoding)) || matched;
    }
    if (matched) return index;
  }
  return null;
}
