import type { Actor } from "@/lib/auth/roles";
import { assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { type JobView, toJobView } from "./to-job-view";

/** The newest jobs (any role may read them), newest first. */
export async function listJobs(options: { actor: Actor; limit?: number }): Promise<JobView[]> {
  assertRole(options.actor, "viewer");
  const jobs = await getPrisma().job.findMany({
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 100,
    include: {
      playbook: { select: { id: true, slug: true, name: true } },
      agent: { select: { id: true, slug: true, name: true } },
    },
  });
  return jobs.map(toJobView);
}
