import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgentForm } from "@/components/agents/agent-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getAgent } from "@/lib/agents/get-agent";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const agent = await getAgent({ actor, id: (await params).id });
  if (!agent) notFound();
  return (
    <>
      <PageHeader
        title={agent.name}
        description={
          <Link href="/agents" className="text-indigo-600 hover:underline dark:text-indigo-400">
            ← All agents
          </Link>
        }
      />
      <Card title="Agent">
        <AgentForm
          canEdit={roleAtLeast(actor.role, "operator")}
          draft={{ ...agent, model: agent.model ?? "" }}
        />
      </Card>
    </>
  );
}
