import type { Metadata } from "next";
import Link from "next/link";
import { JobTable } from "@/components/jobs/job-table";
import { StartJobForm } from "@/components/jobs/start-job-form";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { listJobs } from "@/lib/jobs/list-jobs";
import { listPlaybooks } from "@/lib/jobs/list-playbooks";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  const actor = await requirePageActor();
  const [jobs, playbooks] = await Promise.all([listJobs({ actor }), listPlaybooks({ actor })]);
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Playbook jobs run by the worker; open one to follow its events live."
        actions={
          <Link href="/playbooks" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
            Playbooks
          </Link>
        }
      />
      <LiveRefresh />
      <div className="space-y-6">
        {roleAtLeast(actor.role, "operator") ? (
          <Card title="Start a job">
            <StartJobForm playbooks={playbooks.map((p) => ({ slug: p.slug, name: p.name }))} />
          </Card>
        ) : null}
        <Card title={`Jobs (${jobs.length})`}>
          <JobTable jobs={jobs} />
        </Card>
      </div>
    </>
  );
}
