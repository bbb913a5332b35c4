import type { Actor } from "@/lib/auth/roles";
import { assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type PlaybookListItem = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  steps: number;
  timeoutSeconds: number;
  jobs: number;
  updatedAt: Date;
};

/** Every playbook, by name, with its step and job counts. */
export async function listPlaybooks(options: { actor: Actor }): Promise<PlaybookListItem[]> {
  assertRole(options.actor, "viewer");
  const playbooks = await getPrisma().playbook.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { jobs: true } } },
  });
  return playbooks.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    steps: Array.isArray(p.steps) ? p.steps.length : 0,
    timeoutSeconds: p.timeoutSeconds,
    jobs: p._count.jobs,
    updatedAt: p.updatedAt,
  }));
}
