import type {
  VerificationFailureReason,
  VerificationResult,
} from "@/lib/webhooks/verify/verification-result";

export function failVerification(
  reason: VerificationFailureReason,
  message: string,
): Extract<VerificationResult, { ok: false }> {
  return { ok: false, reason, message };
}
