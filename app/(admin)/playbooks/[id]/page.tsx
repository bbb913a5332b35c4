import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlaybookEditor } from "@/components/jobs/playbook-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { getPlaybook } from "@/lib/jobs/get-playbook";

export const metadata: Metadata = { title: "Playbook" };

export default async function PlaybookPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const playbook = await getPlaybook({ actor, id: (await params).id });
  if (!playbook) notFound();
  return (
    <>
      <PageHeader
        title={playbook.name}
        description={
          <Link href="/playbooks" className="text-indigo-600 hover:underline dark:text-indigo-400">
            ← All playbooks
          </Link>
        }
      />
      <Card title="Playbook">
        <PlaybookEditor
          canEdit={roleAtLeast(actor.role, "operator")}
          draft={{
            id: playbook.id,
            slug: playbook.slug,
            name: playbook.name,
            description: playbook.description ?? "",
            timeoutSeconds: playbook.timeoutSeconds,
            steps: playbook.steps,
          }}
        />
      </Card>
    </>
  );
}
