import type { Metadata } from "next";
import Link from "next/link";
import { ContainerTable } from "@/components/containers/container-table";
import { WatcherStatusCard } from "@/components/containers/watcher-status-card";
import { LiveRefresh } from "@/components/servers/live-refresh";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getWatcherStatus } from "@/lib/docker/get-watcher-status";
import { readHealPolicy } from "@/lib/docker/heal-policy";
import { listContainers } from "@/lib/docker/list-containers";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Containers" };

export default async function ContainersPage({
  searchParams,
}: {
  searchParams: Promise<{ removed?: string }>;
}) {
  const actor = await requirePageActor();
  const includeRemoved = (await searchParams).removed === "1";
  const [containers, status] = await Promise.all([
    listContainers({ actor, includeRemoved }),
    getWatcherStatus({ actor }),
  ]);
  const gaveUp = containers.filter((c) => c.healState === "exhausted" && !c.removedAt);
  return (
    <>
      <PageHeader
        title="Containers"
        description="What the worker sees on the container engine, and what its healer did about it."
        actions={
          <Link
            href={includeRemoved ? "/containers" : "/containers?removed=1"}
            className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {includeRemoved ? "Hide removed" : "Show removed"}
          </Link>
        }
      />
      <LiveRefresh />
      <div className="space-y-6">
        {gaveUp.length > 0 ? (
          <div className="space-y-2">
            {gaveUp.map((c) => (
              <Alert key={c.id}>
                The healer gave up on{" "}
                <Link href={`/containers/${c.id}`} className="font-medium underline">
                  {c.name}
                </Link>
                : its restart budget is spent. Fix it and start it again to resume healing.
              </Alert>
            ))}
          </div>
        ) : null}
        <WatcherStatusCard status={status} policy={readHealPolicy(getEnv())} />
        <Card title={`Containers (${containers.length})`}>
          <ContainerTable containers={containers} />
        </Card>
      </div>
    </>
  );
}
