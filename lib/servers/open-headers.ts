import { z } from "zod";
import { decryptSecret } from "@/lib/crypto/encrypt-secret";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const storedHeaders = z.record(z.string(), z.string());

/** The decrypted header map of a server, for sending upstream. Never return it to a client. */
export function openHeaders(headersEncrypted: string | null): Record<string, string> {
  if (!headersEncrypted) return {};
  const parsed = storedHeaders.safeParse(
    JSON.parse(decryptSecret(headersEncrypted, getEnv().ORBIT_ENCRYPTION_KEY)),
  );
  if (!parsed.success) throw new AppError("internal", "Stored headers are not a name → value object");
  return parsed.data;
}
