// Rotation keeps up to two secrets active. An empty string is never a usable secret: an empty HMAC key or an empty
// shared header would let anyone who knows the scheme pass, so it is skipped rather than tried. The original index is
// kept so the caller learns which configured slot matched.

export type IndexedSecret = { secret: string; index: number };

export function collectSecrets(secrets: unknown): IndexedSecret[] {
  if (!Array.isArray(secrets)) return [];
  const usable: IndexedSecret[] = [];
  secrets.forEach((secret, index) => {
    if (typeof secret === "string" && secret.length > 0) usable.push({ secret, index });
  });
  return usable;
}
