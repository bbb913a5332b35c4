import type { Metadata } from "next";
import Link from "next/link";
import { JobTable } from "@/components/jobs/job-table";
import { StartJobForm } from "@/components/jobs/start-job-form";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { Card, PageHeader } from "@/components/ui/card";
import { listAgents } from "@/lib/agents/list-agents";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { listJobs } from "@/lib/jobs/list-jobs";
import { listPlaybooks } from "@/lib/jobs/list-playbooks";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  const actor = await requirePageActor();
  // Agents are offered only while a model endpoint is configured: starting one otherwise is refused anyway.
  const agentsOn = getEnv().agent !== null;
  const [jobs, playbooks, agents] = await Promise.all([
    listJobs({ actor }),
    listPlaybooks({ actor }),
    agentsOn ? listAgents({ actor }) : null,
  ]);
  const pick = (t: { slug: string; name: string }) => ({ slug: t.slug, name: t.name });
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Playbook and agent jobs run by the worker; open one to follow its events live."
        actions={
          <div className="flex gap-3">
            <Link href="/playbooks" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Playbooks
            </Link>
            <Link href="/agents" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Agents
            </Link>
          </div>
        }
      />
      <LiveRefresh />
      <div className="space-y-6">
        {roleAtLeast(actor.role, "operator") ? (
          <Card title="Start a job">
            <StartJobForm playbooks={playbooks.map(pick)} agents={agents?.map(pick) ?? null} />
          </Card>
        ) : null}
        <Card title={`Jobs (${jobs.length})`}>
          <JobTable jobs={jobs} />
        </Card>
      </div>
    </>
  );
}
