import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatTime } from "@/components/deliveries/format-time";
import { CancelJobButton } from "@/components/jobs/cancel-job-button";
import { JobEventStream } from "@/components/jobs/job-event-stream";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors/app-error";
import { getJobView } from "@/lib/jobs/get-job-view";
import { isTerminalJobStatus } from "@/lib/jobs/job-event-types";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const job = await getJobView(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const running = !isTerminalJobStatus(job.status);
  return (
    <>
      <PageHeader
        title={`Job ${job.jobId.slice(-12)}`}
        description={
          <Link href="/jobs" className="text-indigo-600 hover:underline dark:text-indigo-400">
            ← All jobs
          </Link>
        }
        actions={
          running && roleAtLeast(actor.role, "operator") ? <CancelJobButton jobId={job.jobId} /> : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Job">
          <dl className="space-y-2 text-sm">
            <Row label="Status">
              <span data-testid="job-status">
                <JobStatusBadge status={job.status} />
              </span>
            </Row>
            <Row label="Playbook">
              {job.playbook ? `${job.playbook.name} (${job.playbook.slug})` : "(deleted)"}
            </Row>
            <Row label="Shape">{job.inputShape}</Row>
            <Row label="Attempts">{job.attempts}</Row>
            <Row label="Started by">{job.createdBy}</Row>
            <Row label="Created">{formatTime(new Date(job.createdAt))}</Row>
            <Row label="Finished">{job.finishedAt ? formatTime(new Date(job.finishedAt)) : "—"}</Row>
          </dl>
          <h3 className="mt-4 text-xs font-semibold uppercase text-zinc-500">Input</h3>
          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap text-xs">{job.input}</pre>
          {job.error ? (
            <div className="mt-4">
              <Alert>
                {job.error.code}: {job.error.message}
              </Alert>
            </div>
          ) : null}
        </Card>
        <div className="lg:col-span-2">
          <Card title="Events">
            <JobEventStream jobId={job.jobId} />
          </Card>
        </div>
      </div>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-2">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}
