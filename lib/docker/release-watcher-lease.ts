import { getPrisma } from "@/lib/db/get-prisma";

/** Gives the lease up at once (a stopping worker), so another worker takes over without waiting for it to lapse. */
export async function releaseWatcherLease(options: { watcherId: string; holder: string }): Promise<void> {
  await getPrisma().containerWatcher.updateMany({
    where: { id: options.watcherId, holder: options.holder },
    data: { holder: null, leaseUntil: null, connected: false },
  });
}
