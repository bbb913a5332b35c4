// What every verifier answers. A failure is a value, not an exception: the bridge maps it to a 401 (or a 500 with a
// log line for `missing_secret`) and must never be able to skip the check by forgetting a try/catch.

export type VerificationFailureReason =
  | "missing_signature"
  | "bad_signature"
  | "stale_timestamp"
  | "missing_secret"
  | "malformed";

export type VerificationResult =
  | { ok: true; deliveryId: string; eventType: string | null; secretIndex: number }
  | { ok: false; reason: VerificationFailureReason; message: string };
