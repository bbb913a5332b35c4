import type { Playbook } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";

/** A playbook by slug or by id (callers use either); 404 when neither matches. */
export async function findPlaybookOrThrow(ref: string): Promise<Playbook> {
  const playbook = await getPrisma().playbook.findFirst({ where: { OR: [{ slug: ref }, { id: ref }] } });
  if (!playbook) throw new AppError("not_found", `No playbook "${ref}".`);
  return playbook;
}
