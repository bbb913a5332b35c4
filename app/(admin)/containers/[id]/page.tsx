import type { Metadata } from "next";
import Link from "next/link";
import { ContainerActions } from "@/components/containers/container-actions";
import {
  ContainerHealthBadge,
  ContainerStateBadge,
  HealStateBadge,
} from "@/components/containers/container-badges";
import { ContainerEventList } from "@/components/containers/container-event-list";
import { LogTail } from "@/components/containers/diagnosis-view";
import { formatTime } from "@/components/deliveries/format-time";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { CircuitBadge, HealthBadge } from "@/components/servers/replica-health-badges";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import type { LogLine } from "@/lib/docker/demux-docker-logs";
import { getContainerForPage } from "@/lib/docker/get-container-for-page";
import { type HealReason, healReasonText } from "@/lib/docker/heal-reason";
import { readContainerLogs } from "@/lib/docker/read-container-logs";
import { listReplicaHealth } from "@/lib/health/list-replica-health";

export const metadata: Metadata = { title: "Container" };

export default async function ContainerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const containerId = (await params).id;
  const { container, events, heals, server } = await getContainerForPage({ actor, containerId });
  const replicas = server
    ? ((await listReplicaHealth({ actor, serverIds: [server.id] })).get(server.id) ?? [])
    : [];
  const logs = container.removedAt ? null : await readLogs(actor, container.id);
  const canOperate = roleAtLeast(actor.role, "operator") && !container.removedAt;
  const running = container.state === "running";
  return (
    <>
      <PageHeader
        title={container.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{container.image}</span>
            <ContainerStateBadge state={container.state} exitCode={container.exitCode} />
            <ContainerHealthBadge health={container.health} />
            <span className="font-mono text-xs">{container.id.slice(0, 12)}</span>
          </span>
        }
      />
      <LiveRefresh />
      <div className="space-y-6">
        {canOperate ? (
          <ContainerActions containerId={container.id} name={container.name} running={running} />
        ) : null}
        <Card title="Healing">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-zinc-500">Healer</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <HealStateBadge
                enabled={container.healEnabled || server !== null}
                healState={container.healState}
              />
              {container.healEnabled
                ? "restarts it when it turns unhealthy, exits with an error or runs out of memory"
                : "does not restart it on its own failures (no heal label)"}
            </dd>
            {container.nextHealAt ? (
              <>
                <dt className="text-zinc-500">Next restart</dt>
                <dd>
                  {formatTime(container.nextHealAt)}, because{" "}
                  {healReasonText[container.healReason as HealReason] ?? container.healReason}
                </dd>
              </>
            ) : null}
            <dt className="text-zinc-500">Restarts by Orbit</dt>
            <dd className="tabular-nums" data-testid="restart-count">
              {container.restartCount}
              {container.lastHealAt ? `, last ${formatTime(container.lastHealAt)}` : ""}
            </dd>
            <dt className="text-zinc-500">MCP server</dt>
            <dd>
              {server ? (
                <span className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/servers/${server.id}`}
                    className="text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {server.name}
                  </Link>
                  {server.enabled ? null : <span className="text-zinc-500">(disabled: not checked)</span>}
                  {replicas.map((r) => (
                    <span key={r.endpointId} className="flex items-center gap-1 text-xs">
                      <span className="font-mono">{r.label}</span>
                      <HealthBadge status={r.status} />
                      <CircuitBadge state={r.circuit} />
                    </span>
                  ))}
                </span>
              ) : container.serverSlug ? (
                `labelled orbit.server=${container.serverSlug}, but no server has that slug`
              ) : (
                "none (label orbit.server=<slug> links one)"
              )}
            </dd>
            <dt className="text-zinc-500">Last started</dt>
            <dd>{formatTime(container.startedAt)}</dd>
            <dt className="text-zinc-500">First seen</dt>
            <dd>{formatTime(container.firstSeenAt)}</dd>
          </dl>
        </Card>
        <Card title="Heal history">
          <ContainerEventList events={heals} empty="The healer has not had to act on this container." />
        </Card>
        <Card title="Events">
          <ContainerEventList events={events} empty="No events recorded yet." />
        </Card>
        <Card title="Logs">
          {logs === null ? (
            <p className="text-sm text-zinc-500">The container is gone; its logs went with it.</p>
          ) : "error" in logs ? (
            <p className="text-sm text-red-700 dark:text-red-300">{logs.error}</p>
          ) : (
            <LogTail lines={logs.lines} empty="It has not written anything yet." />
          )}
        </Card>
      </div>
    </>
  );
}

// The page still renders when the engine is away; the card says why there are no logs.
async function readLogs(
  actor: Awaited<ReturnType<typeof requirePageActor>>,
  containerId: string,
): Promise<{ lines: LogLine[] } | { error: string }> {
  try {
    return { lines: await readContainerLogs({ actor, containerId, tail: 200 }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : "The engine did not answer." };
  }
}
