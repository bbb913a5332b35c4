import type { Metadata } from "next";
import Link from "next/link";
import { AgentForm } from "@/components/agents/agent-form";
import { formatTime } from "@/components/deliveries/format-time";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { listAgents } from "@/lib/agents/list-agents";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Agents" };

const columns = [
  { key: "name", header: "Agent", sortable: true },
  { key: "slug", header: "Slug" },
  { key: "model", header: "Model" },
  { key: "tools", header: "Allowed tools" },
  { key: "steps", header: "Steps", align: "right" as const },
  { key: "jobs", header: "Jobs", align: "right" as const },
  { key: "updated", header: "Updated", sortable: true },
];

export default async function AgentsPage() {
  const actor = await requirePageActor();
  const agents = await listAgents({ actor });
  const canEdit = roleAtLeast(actor.role, "operator");
  const endpoint = getEnv().agent;
  return (
    <>
      <PageHeader
        title="Agents"
        description="LLM agents that jobs run: a model, a system prompt and the gateway tools it may call."
        actions={
          <Link href="/jobs" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
            Jobs
          </Link>
        }
      />
      <div className="space-y-6">
        {endpoint ? null : (
          <Alert tone="amber">
            Agents are off: set OPENAI_BASE_URL and OPENAI_API_KEY (any OpenAI-compatible endpoint). Agent
            jobs are refused until then.
          </Alert>
        )}
        <Card title={`Agents (${agents.length})`}>
          <DataTable
            label="Agents"
            columns={columns}
            empty="No agents yet."
            rows={agents.map((a) => ({
              key: a.id,
              testId: `agent-row-${a.slug}`,
              sortValues: { name: a.name, updated: a.updatedAt.toISOString() },
              cells: {
                name: (
                  <Link
                    href={`/agents/${a.id}`}
                    className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {a.name}
                  </Link>
                ),
                slug: <span className="font-mono text-xs">{a.slug}</span>,
                model: <span className="font-mono text-xs">{a.model ?? endpoint?.model ?? "—"}</span>,
                tools: <span className="font-mono text-xs">{a.allowedTools.join(", ") || "none"}</span>,
                steps: a.stepLimit,
                jobs: a.jobs,
                updated: formatTime(a.updatedAt),
              },
            }))}
          />
        </Card>
        {canEdit ? (
          <Card title="New agent">
            <AgentForm draft={null} canEdit />
          </Card>
        ) : null}
      </div>
    </>
  );
}
