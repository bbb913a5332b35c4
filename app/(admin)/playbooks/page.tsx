import type { Metadata } from "next";
import Link from "next/link";
import { formatTime } from "@/components/deliveries/format-time";
import { PlaybookEditor } from "@/components/jobs/playbook-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { listPlaybooks } from "@/lib/jobs/list-playbooks";

export const metadata: Metadata = { title: "Playbooks" };

const columns = [
  { key: "name", header: "Playbook", sortable: true },
  { key: "slug", header: "Slug" },
  { key: "steps", header: "Steps", align: "right" as const },
  { key: "timeout", header: "Timeout", align: "right" as const },
  { key: "jobs", header: "Jobs", align: "right" as const },
  { key: "updated", header: "Updated", sortable: true },
];

export default async function PlaybooksPage() {
  const actor = await requirePageActor();
  const playbooks = await listPlaybooks({ actor });
  const canEdit = roleAtLeast(actor.role, "operator");
  return (
    <>
      <PageHeader
        title="Playbooks"
        description="Ordered tool calls that jobs run, with arguments mapped by JSONata from the input and earlier steps."
        actions={
          <Link href="/jobs" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
            Jobs
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title={`Playbooks (${playbooks.length})`}>
          <DataTable
            label="Playbooks"
            columns={columns}
            empty="No playbooks yet."
            rows={playbooks.map((p) => ({
              key: p.id,
              testId: `playbook-row-${p.slug}`,
              sortValues: { name: p.name, updated: p.updatedAt.toISOString() },
              cells: {
                name: (
                  <Link
                    href={`/playbooks/${p.id}`}
                    className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {p.name}
                  </Link>
                ),
                slug: <span className="font-mono text-xs">{p.slug}</span>,
                steps: p.steps,
                timeout: `${p.timeoutSeconds} s`,
                jobs: p.jobs,
                updated: formatTime(p.updatedAt),
              },
            }))}
          />
        </Card>
        {canEdit ? (
          <Card title="New playbook">
            <PlaybookEditor draft={null} canEdit />
          </Card>
        ) : null}
      </div>
    </>
  );
}
