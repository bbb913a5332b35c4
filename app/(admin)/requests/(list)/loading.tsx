import { Card, PageHeader } from "@/components/ui/card";
import { DataTableSkeleton } from "@/components/ui/data-table";

// Only the list has a skeleton: a loading boundary above /requests/[id] would start the stream before the page
// knows the id is unknown, and a 404 would go out as 200.
// Same frame as the page (header, filter card, table card), so the history drops into place without a jump.
export default function RequestsLoading() {
  return (
    <>
      <PageHeader
        title="Requests"
        description="Every webhook delivery attempt and tool call, newest first."
      />
      <div className="space-y-6">
        <Card>
          <div className="h-[9.5rem] animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
        </Card>
        <Card>
          <DataTableSkeleton columns={7} rows={12} label="Loading requests" />
        </Card>
      </div>
    </>
  );
}
