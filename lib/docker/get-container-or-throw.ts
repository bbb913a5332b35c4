import type { Container } from "@/lib/db/generated/client";
import { type DbTx, getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";

/** A container Orbit knows (removed ones included, for their history), or a 404. */
export async function getContainerOrThrow(containerId: string, db: DbTx = getPrisma()): Promise<Container> {
  const container = await db.container.findUnique({ where: { id: containerId } });
  if (!container) throw new AppError("not_found", "No such container.");
  return container;
}
