import type { Metadata } from "next";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listServers } from "@/lib/servers/list-servers";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await requirePageActor("admin");
  const [keys, servers] = await Promise.all([listApiKeys({ actor }), listServers({ actor })]);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let MCP clients and scripts reach Orbit. Each sees only the servers and tools its scopes and tool lists allow."
      />
      <div className="space-y-6">
        <Card title="Create a key">
          <CreateApiKeyForm servers={servers.map(({ slug, name }) => ({ slug, name }))} />
        </Card>
        <Card title={`${keys.length} ${keys.length === 1 ? "key" : "keys"}`}>
          <ApiKeyTable keys={keys} />
        </Card>
      </div>
    </>
  );
}
