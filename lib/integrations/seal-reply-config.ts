import { encryptSecret } from "@/lib/crypto/encrypt-secret";
import { getEnv } from "@/lib/env";

/** Integration.replyConfig as stored: the API token only as an envelope. Read it back with openReplyConfig. */
export type StoredReplyConfig = { baseUrl: string; tokenEncrypted: string; channelId?: string };

export function sealReplyConfig(reply: {
  baseUrl: string;
  token: string;
  channelId?: string;
}): StoredReplyConfig {
  return {
    baseUrl: reply.baseUrl,
    tokenEncrypted: encryptSecret(reply.token, getEnv().ORBIT_ENCRYPTION_KEY),
    ...(reply.channelId ? { channelId: reply.channelId } : {}),
  };
}

/** The stored reply settings, or null when there are none (or the column holds something else). */
export function asStoredReplyConfig(stored: unknown): StoredReplyConfig | null {
  const value = stored as Partial<StoredReplyConfig> | null | undefined;
  if (!value || typeof value.baseUrl !== "string" || typeof value.tokenEncrypted !== "string") return null;
  return value as StoredReplyConfig;
}
