import type { Metadata } from "next";
import Link from "next/link";
import { ReadinessCard } from "@/components/maintenance/readiness-card";
import { SystemInfoCard } from "@/components/maintenance/system-info-card";
import { ToolCallForm } from "@/components/maintenance/tool-call-form";
import { CheckHealthButton } from "@/components/servers/check-health-button";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { ReplicaHealthTable } from "@/components/servers/replica-health-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { checkReadiness } from "@/lib/health/check-readiness";
import { listReplicaHealth } from "@/lib/health/list-replica-health";
import { getSystemInfo } from "@/lib/maintenance/get-system-info";
import { listCallableTools } from "@/lib/maintenance/list-callable-tools";
import { listServers } from "@/lib/servers/list-servers";

export const metadata: Metadata = { title: "Maintenance" };

export default async function MaintenancePage() {
  const actor = await requirePageActor();
  const canOperate = roleAtLeast(actor.role, "operator");
  const [readiness, info, servers, health, callable] = await Promise.all([
    checkReadiness(),
    getSystemInfo({ actor }),
    listServers({ actor }),
    listReplicaHealth({ actor }),
    canOperate ? listCallableTools({ actor }) : Promise.resolve(null),
  ]);
  return (
    <>
      <PageHeader
        title="Maintenance"
        description="The state of Orbit's own parts and of every upstream replica, and a quick tool call to test them."
      />
      <LiveRefresh intervalMs={10_000} />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <ReadinessCard readiness={readiness} />
          <SystemInfoCard info={info} />
        </div>
        <Card title="Upstream replicas">
          {servers.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No server is registered yet.</p>
          ) : (
            <div className="space-y-6">
              {servers.map((server) => (
                <section key={server.id} aria-label={`Replicas of ${server.name}`} className="space-y-2">
                  <h3 className="text-sm font-semibold">
                    <Link href={`/servers/${server.id}`} className="underline underline-offset-2">
                      {server.name}
                    </Link>{" "}
                    <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{server.slug}</span>
                    {server.enabled ? null : (
                      <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">disabled</span>
                    )}
                  </h3>
                  <ReplicaHealthTable replicas={health.get(server.id) ?? []} />
                  {canOperate && server.enabled ? <CheckHealthButton serverId={server.id} /> : null}
                </section>
              ))}
            </div>
          )}
        </Card>
        {callable ? (
          <Card title="Call a tool">
            <ToolCallForm servers={callable} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
