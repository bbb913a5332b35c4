import { getPrisma } from "@/lib/db/get-prisma";

/** What the containers page shows about the watcher: connected or not, to which engine, and the last trouble. */
export async function updateWatcherStatus(
  watcherId: string,
  holder: string,
  status: {
    connected?: boolean;
    engine?: string | null;
    dockerHost?: string;
    lastError?: string | null;
    lastEventNano?: string;
    connectedAt?: Date;
  },
): Promise<void> {
  // Only the lease holder speaks for the watcher; a worker that lost the lease must not overwrite its successor.
  await getPrisma().containerWatcher.updateMany({ where: { id: watcherId, holder }, data: status });
}
