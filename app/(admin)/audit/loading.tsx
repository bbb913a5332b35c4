import { Card, PageHeader } from "@/components/ui/card";
import { DataTableSkeleton } from "@/components/ui/data-table";

// Same frame as the page (header, filter card, table card), so the trail drops into place without a jump.
export default function AuditLoading() {
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when, newest first." />
      <div className="space-y-6">
        <Card>
          <div className="h-[8.5rem] animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
        </Card>
        <Card>
          <DataTableSkeleton columns={6} rows={12} label="Loading the audit log" />
        </Card>
      </div>
    </>
  );
}
