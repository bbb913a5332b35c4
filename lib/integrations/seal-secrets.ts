import { encryptSecret } from "@/lib/crypto/encrypt-secret";
import { getEnv } from "@/lib/env";

/** Integration.secretsEncrypted: one envelope around the JSON array of the one or two active secrets. */
export function sealSecrets(secrets: string[]): string {
  return encryptSecret(JSON.stringify(secrets), getEnv().ORBIT_ENCRYPTION_KEY);
}
