import type { Job } from "@/lib/db/generated/client";

export type JobView = {
  jobId: string;
  kind: string;
  playbook: { id: string; slug: string; name: string } | null;
  agent: { id: string; slug: string; name: string } | null;
  status: Job["status"];
  inputShape: string;
  input: string;
  result: unknown;
  error: { code: string; message: string } | null;
  attempts: number;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  streamUrl: string;
};

export const jobStreamUrl = (jobId: string) => `/api/v1/jobs/${jobId}/events`;

/** A job as the API and the pages show it. */
export function toJobView(
  job: Job & {
    playbook?: { id: string; slug: string; name: string } | null;
    agent?: { id: string; slug: string; name: string } | null;
  },
): JobView {
  return {
    jobId: job.id,
    kind: job.kind,
    playbook: job.playbook ? { id: job.playbook.id, slug: job.playbook.slug, name: job.playbook.name } : null,
    agent: job.agent ? { id: job.agent.id, slug: job.agent.slug, name: job.agent.name } : null,
    status: job.status,
    inputShape: job.inputShape,
    input: job.inputText,
    result: job.result ?? null,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? "" } : null,
    attempts: job.attempts,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    streamUrl: jobStreamUrl(job.id),
  };
}
