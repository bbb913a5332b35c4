import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JsonBlock } from "@/components/tools/json-block";
import { ToolHintBadges } from "@/components/tools/tool-hint-badges";
import { ToolLifecycleButtons } from "@/components/tools/tool-lifecycle-buttons";
import { ToolOverridesForm } from "@/components/tools/tool-overrides-form";
import { ToolVersionList } from "@/components/tools/tool-version-list";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors/app-error";
import { getToolForPage } from "@/lib/tools/get-tool-for-page";
import { toToolState } from "@/lib/tools/tool-state";

export const metadata: Metadata = { title: "Tool" };

export default async function ToolPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const toolId = (await params).id;
  const tool = await getToolForPage({ actor, toolId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const canManage = roleAtLeast(actor.role, "operator");
  const { overrides } = toToolState(tool);
  return (
    <>
      <PageHeader
        title={tool.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/servers/${tool.server.id}`} className="font-mono hover:underline">
              {tool.server.slug}
            </Link>
            {tool.deletedAt ? (
              <Badge tone="red">deleted{tool.deletedBy === "upstream" ? " upstream" : ""}</Badge>
            ) : tool.enabled ? (
              <Badge tone="green">enabled</Badge>
            ) : (
              <Badge tone="amber">disabled</Badge>
            )}
            <ToolHintBadges annotations={tool.annotations} />
          </span>
        }
        actions={
          canManage ? (
            <ToolLifecycleButtons toolId={tool.id} name={tool.name} deleted={tool.deletedAt !== null} />
          ) : null
        }
      />
      <div className="space-y-6">
        {tool.deletedAt ? (
          <Alert tone="amber">
            {tool.deletedBy === "upstream"
              ? "The server no longer lists this tool. It comes back by itself if the server lists it again."
              : "An operator deleted this tool. It stays deleted, even when the server lists it, until restored."}
          </Alert>
        ) : null}
        <Card title="Definition">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-zinc-500">Title</dt>
            <dd>{tool.title ?? "—"}</dd>
            <dt className="text-zinc-500">Description (upstream)</dt>
            <dd className="whitespace-pre-wrap">{tool.description ?? "—"}</dd>
            <dt className="text-zinc-500">Last refreshed</dt>
            <dd>{tool.refreshedAt.toISOString().replace("T", " ").slice(0, 19)} UTC</dd>
          </dl>
        </Card>
        <Card title="Overrides">
          <ToolOverridesForm
            toolId={tool.id}
            overrides={overrides}
            readOnly={!canManage}
            upstreamDescription={tool.description}
          />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Input schema">
            <JsonBlock value={tool.inputSchema} />
          </Card>
          <Card title="Output schema">
            <JsonBlock value={tool.outputSchema} />
          </Card>
        </div>
        <Card title="Annotations">
          <JsonBlock value={tool.annotations} />
        </Card>
        <Card title={`History (${tool.versions.length})`}>
          <ToolVersionList versions={tool.versions} canManage={canManage} />
        </Card>
      </div>
    </>
  );
}
