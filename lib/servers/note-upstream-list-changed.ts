import { getPrisma } from "@/lib/db/get-prisma";
import { log } from "@/lib/telemetry/log";
import { type ListChangedEvent, publishListChanged } from "./publish-list-changed";
import { refreshServerTools } from "./refresh-server-tools";

export type UpstreamListChange = { list: ListChangedEvent["list"] } & (
  | { serverId: string }
  | { url: string }
);

// Upstreams announce changes in bursts (a server registering several tools sends one notification per tool, every
// open session hears it): the first notification starts the wait, the rest of the burst rides along.
const DEBOUNCE_MS = 1000;

type Pending = { timer?: NodeJS.Timeout; running: boolean; again: boolean };
const globalForChanges = globalThis as typeof globalThis & { orbitListChanges?: Map<string, Pending> };
globalForChanges.orbitListChanges ??= new Map();
const pending = globalForChanges.orbitListChanges;

/**
 * An upstream said (notifications/…/list_changed) that a list of its changed, seen on a pooled connection (by URL)
 * or on a relayed session (by server). Tools: the server's registry tools are refreshed, once per burst, and when
 * that changed anything, federated sessions hear it through publishListChanged. Prompts and resources are not
 * stored, so the change is passed on as it is. Never throws; a failed refresh is logged and the periodic refresh
 * catches up.
 */
export function noteUpstreamListChanged(change: UpstreamListChange): void {
  void (async () => {
    const serverIds =
      "serverId" in change
        ? [change.serverId]
        : (
            await getPrisma().serverEndpoint.findMany({
              where: { url: change.url, server: { enabled: true } },
              select: { serverId: true },
            })
          ).map((e) => e.serverId);
    for (const serverId of new Set(serverIds)) schedule(serverId, change.list);
  })().catch((error: unknown) => logFailure(change, error));
}

function schedule(serverId: string, list: ListChangedEvent["list"]): void {
  const key = `${serverId} ${list}`;
  const entry = pending.get(key) ?? { running: false, again: false };
  pending.set(key, entry);
  if (entry.timer) return;
  // A change announced while the refresh runs may not be in what it read: one more refresh after it.
  if (entry.running) {
    entry.again = true;
    return;
  }
  const current = entry;
  current.timer = setTimeout(() => {
    current.timer = undefined;
    current.running = true;
    void apply(serverId, list)
      .catch((error: unknown) => logFailure({ serverId, list }, error))
      .finally(() => {
        current.running = false;
        if (current.again) {
          current.again = false;
          schedule(serverId, list);
        } else pending.delete(key);
      });
  }, DEBOUNCE_MS);
  current.timer.unref();
}

async function apply(serverId: string, list: ListChangedEvent["list"]): Promise<void> {
  if (list === "tools") {
    // It publishes the change itself, when there is one.
    const { server, tools } = await refreshServerTools({ actor: { kind: "system" }, serverId });
    if (tools.added + tools.changed + tools.removed === 0) return;
    log.info("server tools changed", { server: server.slug, ...tools });
    return;
  }
  const server = await getPrisma().server.findUnique({ where: { id: serverId }, select: { slug: true } });
  if (server) await publishListChanged({ serverId, slug: server.slug, list });
}

function logFailure(change: object, error: unknown): void {
  log.warn("upstream list change not applied", {
    ...change,
    error: error instanceof Error ? error.message : String(error),
  });
}
