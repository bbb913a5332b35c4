import type { Metadata } from "next";
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getServerForPage } from "@/lib/servers/get-server-for-page";

export const metadata: Metadata = { title: "Edit server" };

export default async function EditServerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("operator");
  const server = await getServerForPage({ actor, serverId: (await params).id });
  return (
    <>
      <PageHeader title={`Edit ${server.name}`} />
      <ServerForm server={server} />
    </>
  );
}
