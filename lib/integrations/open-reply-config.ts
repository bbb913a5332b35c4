import { decryptSecret } from "@/lib/crypto/encrypt-secret";
import { getEnv } from "@/lib/env";
import { asStoredReplyConfig } from "./seal-reply-config";

export type ReplyConfig = { baseUrl: string; token: string; channelId?: string };

/** The reply settings with the token decrypted, for sending a reply; null when the integration has none. */
export function openReplyConfig(stored: unknown): ReplyConfig | null {
  const reply = asStoredReplyConfig(stored);
  if (!reply) return null;
  return {
    baseUrl: reply.baseUrl,
    token: decryptSecret(reply.tokenEncrypted, getEnv().ORBIT_ENCRYPTION_KEY),
    ...(reply.channelId ? { channelId: reply.channelId } : {}),
  };
}
