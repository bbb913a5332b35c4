import { encryptSecret } from "@/lib/crypto/encrypt-secret";
import { getEnv } from "@/lib/env";

/**
 * Header values can be credentials, so they are stored only as one encrypted JSON object; the names are kept in
 * clear so lists can say which headers are set without decrypting anything.
 */
export function sealHeaders(headers: Record<string, string>): {
  headersEncrypted: string | null;
  headerNames: string[];
} {
  const headerNames = Object.keys(headers);
  if (headerNames.length === 0) return { headersEncrypted: null, headerNames: [] };
  return {
    headersEncrypted: encryptSecret(JSON.stringify(headers), getEnv().ORBIT_ENCRYPTION_KEY),
    headerNames,
  };
}
