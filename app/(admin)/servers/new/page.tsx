import type { Metadata } from "next";
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getConfig } from "@/lib/config/get-config";

export const metadata: Metadata = { title: "Add server" };

export default async function NewServerPage() {
  await requirePageActor("operator");
  // New servers start from the configured default timeout (Settings → Tool calls).
  const { settings } = await getConfig();
  return (
    <>
      <PageHeader
        title="Add an MCP server"
        description="Orbit connects to it, lists its tools and keeps them."
      />
      <ServerForm defaultTimeoutMs={settings.toolCalls.timeoutMs} />
    </>
  );
}
