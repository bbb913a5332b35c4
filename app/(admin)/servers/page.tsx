import type { Metadata } from "next";
import Link from "next/link";
import { formatTime } from "@/components/deliveries/format-time";
import { FederatedCollisionsCard } from "@/components/servers/federated-collisions-card";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { CircuitBadge, HealthBadge } from "@/components/servers/replica-health-badges";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { listReplicaHealth } from "@/lib/health/list-replica-health";
import { listServerCollisions } from "@/lib/servers/list-server-collisions";
import { listServers } from "@/lib/servers/list-servers";

export const metadata: Metadata = { title: "Servers" };

const columns: DataTableColumn[] = [
  { key: "server", header: "Server", sortable: true },
  { key: "replicas", header: "Replicas" },
  { key: "tools", header: "Tools", sortable: true },
  { key: "status", header: "Status", sortable: true },
  { key: "tags", header: "Tags" },
];

export default async function ServersPage() {
  const actor = await requirePageActor();
  const servers = await listServers({ actor });
  const health = await listReplicaHealth({ actor });
  const collisions = await listServerCollisions({ actor });
  const canManage = roleAtLeast(actor.role, "operator");
  return (
    <>
      <PageHeader
        title="MCP servers"
        description="The upstream servers Orbit routes webhooks and MCP clients to."
        actions={
          canManage ? (
            <Link href="/servers/new" className={buttonClass()}>
              Add server
            </Link>
          ) : null
        }
      />
      <LiveRefresh />
      <Card>
        <DataTable
          label="Servers"
          quickFilter="Filter by name, slug or tag"
          columns={columns}
          empty={
            <>
              <p>No servers yet.</p>
              {canManage ? <p className="mt-1">Add one to list its tools and start routing to it.</p> : null}
            </>
          }
          rows={servers.map((server) => ({
            key: server.id,
            testId: `server-row-${server.slug}`,
            filterText: [server.name, server.slug, server.alias, ...server.tags].join(" ").toLowerCase(),
            sortValues: {
              server: server.name,
              tools: server.toolCount,
              status: server.enabled ? "enabled" : "disabled",
            },
            cells: {
              server: (
                <>
                  <Link
                    href={`/servers/${server.id}`}
                    className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {server.name}
                  </Link>
                  <div className="font-mono text-xs text-zinc-500">{server.slug}</div>
                  {server.alias === server.slug ? null : (
                    <div className="text-xs text-zinc-500">
                      alias <span className="font-mono">{server.alias}</span>
                    </div>
                  )}
                </>
              ),
              replicas: (
                <ul className="space-y-1">
                  {(health.get(server.id) ?? []).map((r) => (
                    <li key={r.endpointId} className="flex flex-wrap items-center gap-1 text-xs">
                      <span className="font-mono">{r.label}</span>
                      <HealthBadge status={r.status} />
                      <CircuitBadge state={r.circuit} />
                      <span className="tabular-nums text-zinc-500">
                        {r.latencyMs === null ? "" : `${r.latencyMs} ms`}
                      </span>
                      <span className="block w-full tabular-nums text-zinc-500">
                        checked {formatTime(r.checkedAt)}
                      </span>
                      {r.error ? (
                        <span
                          className="block w-full truncate text-red-700 dark:text-red-300"
                          title={r.error}
                        >
                          {r.error}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ),
              tools: server.toolCount,
              status: server.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>,
              tags: (
                <div className="flex flex-wrap gap-1">
                  {server.tags.map((tag) => (
                    <Badge key={tag} tone="indigo">
                      {tag}
                    </Badge>
                  ))}
                </div>
              ),
            },
          }))}
        />
      </Card>
      {collisions.length > 0 ? (
        <div className="mt-6">
          <FederatedCollisionsCard collisions={collisions} />
        </div>
      ) : null}
    </>
  );
}
