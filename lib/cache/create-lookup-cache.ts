/**
 * A process-local read-through cache for rows the gateway reads on every request (the API key, the server, the
 * tool). Each of them is an indexed lookup, but a database round trip per lookup is most of what Orbit adds to a
 * tool call; remembered for a few seconds they cost nothing.
 *
 * What that means for changes: whoever changes a row in this process calls `forget` (or `clear`) and sees it at
 * once; every other instance sees it when its entry expires, within `ttlMs` — the same bound the hot configuration
 * promises. Only found rows are kept: a key, server or tool created elsewhere works on its very first request, and
 * a flood of unknown keys cannot fill the cache. Concurrent misses for one key share one load.
 */
export type LookupCache<K, V> = {
  get(key: K): Promise<V>;
  forget(key: K): void;
  clear(): void;
};

/** What a cached row depends on; a change to it forgets every cache of the group (forgetLookups). */
export type LookupGroup = "apiKeys" | "servers" | "tools";

export function createLookupCache<K, V>(options: {
  /** A stable name: the cache lives on globalThis under it, so hot reloads and route bundles share one. */
  name: string;
  groups: LookupGroup[];
  load: (key: K) => Promise<V>;
  ttlMs: number;
  /** Bounds memory; when full, the oldest entry goes. */
  maxEntries?: number;
  /** Values not worth remembering (e.g. "not found"); they are returned but loaded again next time. */
  keep?: (value: V) => boolean;
}): LookupCache<K, V> {
  const { load, ttlMs, keep } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  const store = globalThis as unknown as Record<string, Map<K, Entry<V>> | undefined>;
  const slot = `orbitLookupCache:${options.name}`;
  store[slot] ??= new Map();
  const entries = store[slot];
  const loading = new Map<K, Promise<V>>();

  const cache: LookupCache<K, V> = {
    async get(key) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > Date.now()) return entry.value;
      const pending = loading.get(key);
      if (pending) return pending;
      const started = load(key)
        .then((value) => {
          // A forget() during the load wins: the value loaded may predate the change.
          if (loading.get(key) === started && (!keep || keep(value))) {
            entries.delete(key);
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as K);
            entries.set(key, { value, expiresAt: Date.now() + ttlMs });
          }
          return value;
        })
        .finally(() => {
          if (loading.get(key) === started) loading.delete(key);
        });
      loading.set(key, started);
      return started;
    },
    forget(key) {
      entries.delete(key);
      loading.delete(key);
    },
    clear() {
      entries.clear();
      loading.clear();
    },
  };
  for (const group of options.groups) groupMembers(group).set(options.name, cache);
  return cache;
}

/**
 * Forgets, on this instance, every cached row that depends on the group: called by whatever changes such rows
 * (revoking a key, editing or disabling a server, a tool refresh that changed something).
 */
export function forgetLookups(group: LookupGroup): void {
  for (const cache of groupMembers(group).values()) cache.clear();
}

type Clearable = { clear(): void };

function groupMembers(group: LookupGroup): Map<string, Clearable> {
  const store = globalThis as unknown as { orbitLookupGroups?: Map<LookupGroup, Map<string, Clearable>> };
  store.orbitLookupGroups ??= new Map();
  let members = store.orbitLookupGroups.get(group);
  if (!members) {
    members = new Map();
    store.orbitLookupGroups.set(group, members);
  }
  return members;
}

type Entry<V> = { value: V; expiresAt: number };

/** How long other instances may act on a row changed elsewhere: the bound hot configuration promises too. */
export const LOOKUP_TTL_MS = 5_000;
