import { z } from "zod";
import { decryptSecret } from "@/lib/crypto/encrypt-secret";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const storedSecrets = z.array(z.string()).min(1).max(2);

/** The decrypted secrets of an integration, oldest first, for verifying. Never return them to a client. */
export function openSecrets(secretsEncrypted: string): string[] {
  const parsed = storedSecrets.safeParse(
    JSON.parse(decryptSecret(secretsEncrypted, getEnv().ORBIT_ENCRYPTION_KEY)),
  );
  if (!parsed.success)
    throw new AppError("internal", "Stored integration secrets are not a list of 1–2 strings");
  return parsed.data;
}
