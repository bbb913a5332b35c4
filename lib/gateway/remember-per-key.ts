// Live lists (resources, prompts) are remembered briefly per API key and kind, so a resources/read or prompts/get
// right after the list knows which server to ask without listing again. Per instance, and only a hint: another
// instance, or an expired entry, simply lists again. The key id is part of the cache key because what a list holds
// depends on the key's scope.
const TTL_MS = 30_000;
const MAX_ENTRIES = 1_000;

const globalForLists = globalThis as typeof globalThis & {
  orbitFederatedLists?: Map<string, { expiresAt: number; value: unknown }>;
};

function entries() {
  globalForLists.orbitFederatedLists ??= new Map();
  return globalForLists.orbitFederatedLists;
}

export function rememberPerKey<T>(key: string, value: T): T {
  const map = entries();
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, { expiresAt: Date.now() + TTL_MS, value });
  return value;
}

export function recallPerKey<T>(key: string): T | undefined {
  const map = entries();
  const entry = map.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= Date.now()) {
    map.delete(key);
    return undefined;
  }
  return entry.value as T;
}
