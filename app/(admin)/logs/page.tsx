import type { Metadata } from "next";
import { LiveLogViewer } from "@/components/live/live-log-viewer";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listServers } from "@/lib/servers/list-servers";

export const metadata: Metadata = { title: "Live logs" };

export default async function LogsPage() {
  const actor = await requirePageActor();
  const servers = await listServers({ actor });
  return (
    <>
      <PageHeader
        title="Live logs"
        description="Requests, errors, configuration, health and container events as they happen, on every instance."
      />
      <Card>
        <LiveLogViewer servers={servers.map((server) => server.slug)} />
      </Card>
    </>
  );
}
