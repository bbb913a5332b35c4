import type { DbTx } from "@/lib/db/get-prisma";

/** Restarts the healer made or tried for a container within the last `windowMs`: what the budget counts. */
export async function countHealAttempts(db: DbTx, containerId: string, windowMs: number): Promise<number> {
  return db.containerEvent.count({
    where: {
      containerId,
      kind: { in: ["heal_restart", "heal_failed"] },
      at: { gt: new Date(Date.now() - windowMs) },
    },
  });
}
