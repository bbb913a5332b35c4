import type { Prisma } from "@/lib/db/generated/client";

export type ApiKeyStatus = "active" | "expired" | "revoked";

export type ApiKeyView = {
  id: string;
  name: string;
  /** The first characters of the key, enough to recognise it; never the key or its hash. */
  prefix: string;
  scopes: string[];
  allowedTools: string[];
  deniedTools: string[];
  /** The creator's email, or the audit label ("cli") when no user created it or that user is gone. */
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: ApiKeyStatus;
};

/** Pass as `select` to any key query whose result goes through toApiKeyView: the hash is never selected. */
export const apiKeyViewSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  allowedTools: true,
  deniedTools: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { email: true } },
} satisfies Prisma.ApiKeySelect;

type ApiKeyRecord = Prisma.ApiKeyGetPayload<{ select: typeof apiKeyViewSelect }>;

export function toApiKeyView(
  key: ApiKeyRecord,
  auditLabel: string | null = null,
  now = new Date(),
): ApiKeyView {
  const { createdBy, ...rest } = key;
  return { ...rest, createdBy: createdBy?.email ?? auditLabel, status: apiKeyStatus(key, now) };
}

/** Revoked wins over expired: revoking is the deliberate act, and it is what the list should say. */
export function apiKeyStatus(
  key: { revokedAt: Date | null; expiresAt: Date | null },
  now = new Date(),
): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}
