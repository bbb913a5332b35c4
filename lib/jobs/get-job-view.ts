import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { type JobView, toJobView } from "./to-job-view";

/** One job as the API shows it; 404 when unknown. */
export async function getJobView(jobId: string): Promise<JobView> {
  const job = await getPrisma().job.findUnique({
    where: { id: jobId },
    include: {
      playbook: { select: { id: true, slug: true, name: true } },
      agent: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!job) throw new AppError("not_found", `No job ${jobId}.`);
  return toJobView(job);
}
