import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type WatcherStatus = {
  /** A worker holds the lease right now (renewed within its period). */
  live: boolean;
  connected: boolean;
  holder: string | null;
  engine: string | null;
  dockerHost: string | null;
  lastError: string | null;
  connectedAt: Date | null;
  updatedAt: Date;
} | null;

/** What the containers page says about the watcher; null when no worker ever ran one. */
export async function getWatcherStatus(options: {
  actor: Actor;
  watcherId?: string;
}): Promise<WatcherStatus> {
  assertRole(options.actor, "viewer");
  const row = await getPrisma().containerWatcher.findUnique({
    where: { id: options.watcherId ?? "default" },
  });
  if (!row) return null;
  // The lease's time is the database's, like the clock it is renewed by.
  const [lease] = await getPrisma().$queryRaw<{ live: boolean }[]>`
    SELECT COALESCE("leaseUntil" > timezone('UTC', now()), false) AS live FROM "ContainerWatcher" WHERE id = ${row.id}`;
  const live = Boolean(lease?.live) && row.holder !== null;
  return {
    live,
    connected: live && row.connected,
    holder: row.holder,
    engine: row.engine,
    dockerHost: row.dockerHost,
    lastError: row.lastError,
    connectedAt: row.connectedAt,
    updatedAt: row.updatedAt,
  };
}
