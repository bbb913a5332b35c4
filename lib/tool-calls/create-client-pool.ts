import { createHash } from "node:crypto";
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { displayOrigin } from "@/lib/http/display-url";
import { connectUpstream, type UpstreamConnection, type UpstreamTransport } from "@/lib/mcp/connect-upstream";
import { noteUpstreamListChanged, type UpstreamListChange } from "@/lib/servers/note-upstream-list-changed";

export type PoolLease = {
  connection: UpstreamConnection;
  /** Gives the connection back; `broken` closes it (once idle) so the next call reconnects. */
  release(broken?: boolean): void;
};

export type ClientPool = {
  /** A connected client for this URL and headers, shared with other calls; connects when there is none. */
  acquire(options: {
    url: string;
    transport: UpstreamTransport;
    headers?: Record<string, string>;
    /** Bounds connecting (initialize) when a new connection is needed. */
    connectTimeoutMs: number;
    /** The caller's own deadline: stops waiting, leaves a shared connect running for others. */
    signal?: AbortSignal;
  }): Promise<PoolLease>;
  size(): number;
  closeAll(): Promise<void>;
};

type Entry = {
  key: string;
  ready: Promise<UpstreamConnection>;
  createdAt: number;
  inUse: number;
  retired: boolean;
  idleTimer?: NodeJS.Timeout;
};

/**
 * Keeps connected MCP clients per (URL, transport, headers) so a call costs one request instead of initialize plus
 * the call. Idle connections close after `idleMs`; a connection that failed is closed and replaced on next use.
 *
 * connectUpstream gives every connection one deadline (its timeoutMs) for its whole life, so pooled connections are
 * opened with `maxLifetimeMs` and retired before a call could outlive it; connecting itself is bounded separately by
 * aborting through `signal`.
 *
 * A pooled connection is also how Orbit hears an upstream's `notifications/{tools,prompts,resources}/list_changed`
 * (on the stream the SDK's client keeps open): each one goes to `onListChanged`, by default the registry's refresh.
 */
export function createClientPool(
  options: {
    idleMs?: number;
    maxLifetimeMs?: number;
    onListChanged?: (change: Extract<UpstreamListChange, { url: string }>) => void;
  } = {},
): ClientPool {
  const idleMs = options.idleMs ?? 5 * 60_000;
  const maxLifetimeMs = options.maxLifetimeMs ?? 60 * 60_000;
  const onListChanged = options.onListChanged ?? noteUpstreamListChanged;

  function watchLists(connection: UpstreamConnection, url: string): UpstreamConnection {
    const lists = [
      ["tools", ToolListChangedNotificationSchema],
      ["prompts", PromptListChangedNotificationSchema],
      ["resources", ResourceListChangedNotificationSchema],
    ] as const;
    for (const [list, schema] of lists) {
      connection.client.setNotificationHandler(schema, () => onListChanged({ url, list }));
    }
    return connection;
  }
  const entries = new Map<string, Entry>();

  function close(entry: Entry): void {
    clearTimeout(entry.idleTimer);
    if (entries.get(entry.key) === entry) entries.delete(entry.key);
    entry.ready.then((connection) => connection.close()).catch(() => undefined);
  }

  function retire(entry: Entry): void {
    entry.retired = true;
    if (entries.get(entry.key) === entry) entries.delete(entry.key);
    if (entry.inUse === 0) close(entry);
  }

  function open(key: string, acquire: Parameters<ClientPool["acquire"]>[0]): Entry {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException("connect timed out", "TimeoutError"));
    }, acquire.connectTimeoutMs);
    const ready = connectUpstream({
      url: acquire.url,
      transport: acquire.transport,
      headers: acquire.headers,
      timeoutMs: maxLifetimeMs,
      signal: controller.signal,
    })
      .then((connection) => watchLists(connection, acquire.url))
      .catch((error: unknown) => {
        // connectUpstream would name maxLifetimeMs as the time waited; say the connect timeout instead.
        if (!timedOut) throw error;
        throw new AppError(
          "upstream_timeout",
          `${displayOrigin(acquire.url)} did not answer within ${acquire.connectTimeoutMs} ms`,
          {
            cause: isAppError(error) ? (error.cause ?? error) : error,
            details: { timeoutMs: acquire.connectTimeoutMs },
          },
        );
      })
      .finally(() => clearTimeout(timer));
    const entry: Entry = { key, ready, createdAt: Date.now(), inUse: 0, retired: false };
    // A failed connect leaves nothing behind: the next call tries afresh.
    ready.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry;
  }

  return {
    async acquire(acquire) {
      const key = poolKey(acquire.url, acquire.transport, acquire.headers);
      let entry = entries.get(key);
      // Too old to finish another call before its lifetime deadline aborts it.
      if (entry && Date.now() - entry.createdAt + acquire.connectTimeoutMs >= maxLifetimeMs) {
        retire(entry);
        entry = undefined;
      }
      if (!entry) {
        entry = open(key, acquire);
        entries.set(key, entry);
      }
      const current = entry;
      clearTimeout(current.idleTimer);
      current.inUse++;
      let connection: UpstreamConnection;
      try {
        connection = await untilAborted(current.ready, acquire.signal);
      } catch (error) {
        current.inUse--;
        if (current.inUse === 0 && current.retired) close(current);
        throw error;
      }
      let released = false;
      return {
        connection,
        release(broken = false) {
          if (released) return;
          released = true;
          current.inUse--;
          if (broken) return retire(current);
          if (current.inUse > 0) return;
          if (current.retired) return close(current);
          current.idleTimer = setTimeout(() => close(current), idleMs);
          current.idleTimer.unref();
        },
      };
    },
    size: () => entries.size,
    async closeAll() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(
        all.map(async (entry) => {
          clearTimeout(entry.idleTimer);
          const connection = await entry.ready.catch(() => null);
          await connection?.close();
        }),
      );
    },
  };
}

// Headers are part of the identity (two API keys are two sessions) but only as a hash: the key is kept in memory and
// may end up in logs.
function poolKey(url: string, transport: UpstreamTransport, headers: Record<string, string> = {}): string {
  const sorted = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  const fingerprint = createHash("sha256").update(JSON.stringify(sorted)).digest("hex").slice(0, 32);
  return `${transport} ${url} ${fingerprint}`;
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
