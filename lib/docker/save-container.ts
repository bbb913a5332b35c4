import type { Prisma } from "@/lib/db/generated/client";
import { type DbTx, getPrisma } from "@/lib/db/get-prisma";
import type { ContainerSnapshot } from "./to-container-snapshot";

export type StoredContainerState = { state: string; health: string | null; healState: string };

/**
 * Stores what the engine says about a container (inserting it on first sight) and returns what was stored before,
 * so callers can tell a change from a repeat. The healer's own fields (heal state, restart count) are left alone.
 */
export async function saveContainer(
  snapshot: ContainerSnapshot,
  db: DbTx = getPrisma(),
): Promise<StoredContainerState | null> {
  const before = await db.container.findUnique({
    where: { id: snapshot.id },
    select: { state: true, health: true, healState: true },
  });
  const { id, labels, ...fields } = snapshot;
  const data = { ...fields, labels: labels as Prisma.InputJsonValue, removedAt: null };
  await db.container.upsert({ where: { id }, create: { id, ...data }, update: data });
  return before;
}
