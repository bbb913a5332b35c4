import type { Metadata } from "next";
import Link from "next/link";
import { formatTime } from "@/components/deliveries/format-time";
import { FederatedCollisionsCard } from "@/components/servers/federated-collisions-card";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { CircuitBadge, HealthBadge } from "@/components/servers/replica-health-badges";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { listReplicaHealth } from "@/lib/health/list-replica-health";
import { listServerCollisions } from "@/lib/servers/list-server-collisions";
import { listServers } from "@/lib/servers/list-servers";

export const metadata: Metadata = { title: "Servers" };

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
        {servers.length === 0 ? (
          <div className="py-10 text-center text-sm text-zinc-500">
            <p>No servers yet.</p>
            {canManage ? <p className="mt-1">Add one to list its tools and start routing to it.</p> : null}
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-500">
                <tr>
                  <th className="py-2 pr-4">Server</th>
                  <th className="py-2 pr-4">Replicas</th>
                  <th className="py-2 pr-4">Tools</th>
                  <th className="py-2 pr-4">Status</th>
                  <th className="py-2">Tags</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {servers.map((server) => (
                  <tr key={server.id} data-testid={`server-row-${server.slug}`}>
                    <td className="py-2 pr-4">
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
                    </td>
                    <td className="py-2 pr-4">
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
                    </td>
                    <td className="py-2 pr-4">{server.toolCount}</td>
                    <td className="py-2 pr-4">
                      {server.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>}
                    </td>
                    <td className="py-2">
                      <div className="flex flex-wrap gap-1">
                        {server.tags.map((tag) => (
                          <Badge key={tag} tone="indigo">
                            {tag}
                          </Badge>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {collisions.length > 0 ? (
        <div className="mt-6">
          <FederatedCollisionsCard collisions={collisions} />
        </div>
      ) : null}
    </>
  );
}
