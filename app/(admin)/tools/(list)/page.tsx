import type { Metadata } from "next";
import { ToolFiltersForm } from "@/components/tools/tool-filters-form";
import { ToolListTable } from "@/components/tools/tool-list-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listServers } from "@/lib/servers/list-servers";
import { listTools } from "@/lib/tools/list-tools";
import { toolFiltersSchema } from "@/lib/tools/tool-filters-schema";

export const metadata: Metadata = { title: "Tools" };

type Search = Record<string, string | string[] | undefined>;

export default async function ToolsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const filters = toolFiltersSchema.parse(
    Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  const [tools, servers] = await Promise.all([listTools({ actor, filters }), listServers({ actor })]);
  const filtered = Boolean(
    filters.server || filters.q || filters.enabled || filters.hint || filters.deleted !== "hide",
  );
  return (
    <>
      <PageHeader
        title="Tools"
        description="Every server's tools as the registry holds them, with the overrides MCP clients see."
      />
      <div className="space-y-6">
        <Card>
          <ToolFiltersForm filters={filters} servers={servers} />
        </Card>
        <Card title={`Tools (${tools.length})`}>
          <ToolListTable tools={tools} filtered={filtered} />
        </Card>
      </div>
    </>
  );
}
