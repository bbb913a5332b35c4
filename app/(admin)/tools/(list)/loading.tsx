import { Card, PageHeader } from "@/components/ui/card";
import { DataTableSkeleton } from "@/components/ui/data-table";

// Only the list has a skeleton (a loading boundary above /tools/[id] would send an unknown tool's 404 as 200).
export default function ToolsLoading() {
  return (
    <>
      <PageHeader
        title="Tools"
        description="Every server's tools as the registry holds them, with the overrides MCP clients see."
      />
      <div className="space-y-6">
        <Card>
          <div className="h-[8.5rem] animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
        </Card>
        <Card>
          <DataTableSkeleton columns={5} rows={12} label="Loading tools" />
        </Card>
      </div>
    </>
  );
}
