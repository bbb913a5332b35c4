import { collectSecrets } from "@/lib/webhooks/verify/collect-secrets";
import { failVerification } from "@/lib/webhooks/verify/fail-verification";
import {
  type VerificationConfigInput,
  verificationConfigSchema,
} from "@/lib/webhooks/verify/verification-config-schema";
import type { VerificationResult } from "@/lib/webhooks/verify/verification-result";
import { verifyBuilderioWebhook } from "@/lib/webhooks/verify/verify-builderio-webhook";
import { verifyGenericWebhook } from "@/lib/webhooks/verify/verify-generic-webhook";
import { verifyGithubWebhook } from "@/lib/webhooks/verify/verify-github-webhook";
import { verifyRespondioWebhook } from "@/lib/webhooks/verify/verify-respondio-webhook";
import { verifyStandardWebhook } from "@/lib/webhooks/verify/verify-standard-webhook";

export type VerifyWebhookInput = VerificationConfigInput & {
  /** Exactly as received: `await req.text()` or the request's bytes, before any parsing. */
  rawBody: string | Uint8Array;
  headers: Headers;
  now: Date;
};

// One entry point for the bridge. The config comes from the database, so it is checked again here rather than
// trusted; whatever is wrong with it, the answer is a failure, never a skipped check and never an exception. A config
// that cannot be used reports `missing_secret`: like an absent secret it is our fault, not the sender's, and the
// bridge logs it loudly.

export async function verifyWebhook(input: VerifyWebhookInput): Promise<VerificationResult> {
  if (collectSecrets(input.secrets).length === 0) {
    return failVerification(
      "missing_secret",
      `No webhook secret is configured for this ${input.kind} integration.`,
    );
  }
  const parsed = verificationConfigSchema.safeParse({
    kind: input.kind,
    secrets: input.secrets,
    config: input.config,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "config"}: ${issue.message}`,
    );
    return failVerification("missing_secret", `The verification config is invalid (${issues.join("; ")}).`);
  }

  const { rawBody, headers, now } = input;
  const verification = parsed.data;
  try {
    switch (verification.kind) {
      case "github":
        return await verifyGithubWebhook({ secrets: verification.secrets, rawBody, headers });
      case "standard-webhooks":
        return verifyStandardWebhook({ secrets: verification.secrets, rawBody, headers, now });
      case "respondio":
        return verifyRespondioWebhook({ ...verification, rawBody, headers });
      case "builderio":
        return verifyBuilderioWebhook({ ...verification, rawBody, headers });
      case "generic":
        return verifyGenericWebhook({ ...verification, rawBody, headers });
    }
  } catch (error) {
    // The verifiers do not throw on bad input; this is a last guard so a bug fails closed too.
    return failVerification("malformed", `Verification failed unexpectedly: ${String(error)}`);
  }
}
