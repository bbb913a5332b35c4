import type { Metadata } from "next";
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";

export const metadata: Metadata = { title: "Add server" };

export default async function NewServerPage() {
  await requirePageActor("operator");
  return (
    <>
      <PageHeader
        title="Add an MCP server"
        description="Orbit connects to it, lists its tools and keeps them."
      />
      <ServerForm />
    </>
  );
}
