import { createLookupCache, LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/crypto/hash-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { log } from "@/lib/telemetry/log";
import type { ApiKeyPrincipal } from "./api-key-principal";
import { type HeaderReader, readApiKeyHeader } from "./read-api-key-header";

// lastUsedAt is for people ("is this key still in use?"), so minute precision is plenty, and it keeps the gateway's
// hot path read-only: at most one write per key per minute, whatever the request rate.
const LAST_USED_RESOLUTION_MS = 60_000;
// Real keys are 49 characters; anything far longer is not worth hashing.
const MAX_KEY_LENGTH = 200;

type KeyRow = {
  id: string;
  name: string;
  scopes: string[];
  allowedTools: string[];
  deniedTools: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/**
 * The key behind a gateway request, or AppError "unauthenticated" (401). The answer says "missing" or "invalid or
 * expired" and nothing finer: telling unknown from revoked from expired would help someone holding a leaked key.
 * The lookup is by SHA-256 of the presented key, so the database never compares anything an attacker can steer
 * byte by byte.
 */
export async function authenticateApiKey(headers: HeaderReader): Promise<ApiKeyPrincipal> {
  const key = readApiKeyHeader(headers);
  if (key === null) {
    throw new AppError(
      "unauthenticated",
      "Missing API key: send Authorization: Bearer orbit_… (or an X-API-Key header).",
    );
  }
  if (!key.startsWith(API_KEY_PREFIX) || key.length > MAX_KEY_LENGTH) throw invalidKey();
  const row = await keysByHash.get(hashApiKey(key));
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw invalidKey();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Written down first, so concurrent requests on this instance do not all write it.
    row.lastUsedAt = now;
    await touchLastUsed(row.id, now);
  }
  const { id, name, scopes, allowedTools, deniedTools } = row;
  return { id, name, scopes, allowedTools, deniedTools };
}

// Remembered briefly (see createLookupCache): revoking a key forgets this instance's entries at once (revokeApiKey),
// other instances refuse the key within LOOKUP_TTL_MS. Expiry is checked on every request against the row.
const keysByHash = createLookupCache<string, KeyRow | null>({
  name: "apiKeysByHash",
  groups: ["apiKeys"],
  ttlMs: LOOKUP_TTL_MS,
  keep: (row) => row !== null,
  // SQL rather than the query builder: one row by the unique hash index, on a cache miss.
  load: async (hash) => {
    const rows = await getPrisma().$queryRaw<KeyRow[]>`
      SELECT "id", "name", "scopes", "allowedTools", "deniedTools", "expiresAt", "revokedAt", "lastUsedAt"
      FROM "ApiKey" WHERE "hash" = ${hash}`;
    return rows[0] ?? null;
  },
});

function invalidKey(): AppError {
  return new AppError("unauthenticated", "Invalid or expired API key.");
}

/** Conditional, so instances racing at the minute boundary write once between them. Bookkeeping only: a failure
 * here is logged and never turns a valid key away. */
async function touchLastUsed(id: string, now: Date): Promise<void> {
  try {
    await getPrisma().apiKey.updateMany({
      where: {
        id,
        OR: [
          { lastUsedAt: null },
          { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } },
        ],
      },
      data: { lastUsedAt: now },
    });
  } catch (error) {
    log.warn("could not record API key use", { apiKeyId: id, error: String(error) });
  }
}
