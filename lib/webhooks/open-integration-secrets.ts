import { openSecrets } from "@/lib/integrations/open-secrets";
import { log } from "@/lib/telemetry/log";

/**
 * An integration's verification secrets (one, or two while rotating) for the public endpoint. Anything unreadable
 * yields [] so the verifier fails closed with `missing_secret`, instead of the request crashing or a check being
 * skipped; the reason is logged for the operator.
 */
export function openIntegrationSecrets(secretsEncrypted: string): string[] {
  try {
    return openSecrets(secretsEncrypted);
  } catch (error) {
    log.error("integration secrets unreadable", { error });
    return [];
  }
}
