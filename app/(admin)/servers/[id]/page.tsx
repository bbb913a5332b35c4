import type { Metadata } from "next";
import { CheckHealthButton } from "@/components/servers/check-health-button";
import { FederatedNamesCard } from "@/components/servers/federated-names-card";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { ReplicaHealthTable } from "@/components/servers/replica-health-table";
import { ServerActions } from "@/components/servers/server-actions";
import { ToolTable } from "@/components/servers/tool-table";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { listReplicaHealth } from "@/lib/health/list-replica-health";
import { getServerForPage } from "@/lib/servers/get-server-for-page";
import { listServerCollisions } from "@/lib/servers/list-server-collisions";
import { listServerTools } from "@/lib/servers/list-server-tools";

export const metadata: Metadata = { title: "Server" };

export default async function ServerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const serverId = (await params).id;
  const server = await getServerForPage({ actor, serverId });
  const tools = await listServerTools({ actor, serverId });
  const replicas = (await listReplicaHealth({ actor, serverIds: [server.id] })).get(server.id) ?? [];
  const collisions = await listServerCollisions({ actor, serverId: server.id });
  const canManage = roleAtLeast(actor.role, "operator");
  const info = server.serverInfo;
  return (
    <>
      <PageHeader
        title={server.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{server.slug}</span>
            {server.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>}
            {info ? (
              <span>
                {info.title ?? info.name} v{info.version}
              </span>
            ) : null}
          </span>
        }
      />
      <LiveRefresh />
      <div className="space-y-6">
        {canManage ? (
          <ServerActions serverId={server.id} name={server.name} enabled={server.enabled} />
        ) : null}
        <Card title="Replica health">
          <div className="space-y-4">
            {server.enabled ? null : (
              <p className="text-sm text-zinc-500">
                Disabled: its replicas are not checked and take no calls until it is enabled again.
              </p>
            )}
            <ReplicaHealthTable replicas={replicas} />
            {canManage && server.enabled ? <CheckHealthButton serverId={server.id} /> : null}
          </div>
        </Card>
        <Card title="Connection">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-zinc-500">Transport</dt>
            <dd>{server.transport === "sse" ? "SSE" : "Streamable HTTP"}</dd>
            <dt className="text-zinc-500">Timeout</dt>
            <dd>{server.timeoutMs / 1000} s</dd>
            <dt className="text-zinc-500">Headers</dt>
            <dd className="flex flex-wrap gap-1">
              {server.headerNames.length
                ? server.headerNames.map((name) => <Badge key={name}>{name}: set</Badge>)
                : "none"}
            </dd>
            <dt className="text-zinc-500">Tags</dt>
            <dd className="flex flex-wrap gap-1">
              {server.tags.length
                ? server.tags.map((t) => (
                    <Badge key={t} tone="indigo">
                      {t}
                    </Badge>
                  ))
                : "none"}
            </dd>
            <dt className="text-zinc-500">Last checked</dt>
            <dd>
              {server.lastCheckedAt
                ? `${server.lastCheckedAt.toISOString().replace("T", " ").slice(0, 19)} UTC`
                : "never"}
            </dd>
          </dl>
        </Card>
        <FederatedNamesCard
          alias={server.alias}
          slug={server.slug}
          enabled={server.enabled}
          exampleTool={tools[0]?.name ?? null}
          collisions={collisions}
        />
        <Card title={`Tools (${tools.length})`}>
          <ToolTable tools={tools} />
        </Card>
      </div>
    </>
  );
}
