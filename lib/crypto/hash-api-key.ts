import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// API keys are 32 random bytes, so a fast hash is enough: there is nothing to brute-force the way there is with a
// password. Only the SHA-256 and a short display prefix are stored.

export const API_KEY_PREFIX = "orbit_";

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 8), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
