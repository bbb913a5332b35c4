import { type DbTx, getPrisma } from "@/lib/db/get-prisma";

/** The container is gone from the engine: its row (and history) stay, marked removed, with nothing left to heal. */
export async function markContainerRemoved(containerId: string, db: DbTx = getPrisma()): Promise<void> {
  await db.container.updateMany({
    where: { id: containerId, removedAt: null },
    data: {
      state: "removed",
      removedAt: new Date(),
      healState: "idle",
      nextHealAt: null,
      healLockedUntil: null,
      healLockedBy: null,
    },
  });
}
