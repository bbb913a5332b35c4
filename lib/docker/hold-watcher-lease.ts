import { getPrisma } from "@/lib/db/get-prisma";

/**
 * Takes or renews the lease that lets one worker follow the engine: granted when nobody holds it, when this worker
 * already does, or when the holder let it lapse (a worker that died stops renewing). True while this worker holds
 * it. Times are the database's, so workers' clocks need not agree.
 */
export async function holdWatcherLease(options: {
  watcherId: string;
  holder: string;
  ttlMs: number;
}): Promise<boolean> {
  const rows = await getPrisma().$queryRaw<{ holder: string }[]>`
    INSERT INTO "ContainerWatcher" (id, holder, "leaseUntil", connected, "updatedAt")
    VALUES (${options.watcherId}, ${options.holder},
            timezone('UTC', now()) + ${options.ttlMs}::int * interval '1 millisecond', false, timezone('UTC', now()))
    ON CONFLICT (id) DO UPDATE
      SET holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil", "updatedAt" = EXCLUDED."updatedAt",
          connected = CASE WHEN "ContainerWatcher".holder = EXCLUDED.holder THEN "ContainerWatcher".connected ELSE false END
      WHERE "ContainerWatcher".holder = EXCLUDED.holder
         OR "ContainerWatcher".holder IS NULL
         OR "ContainerWatcher"."leaseUntil" IS NULL
         OR "ContainerWatcher"."leaseUntil" < timezone('UTC', now())
    RETURNING holder`;
  return rows.length > 0;
}
