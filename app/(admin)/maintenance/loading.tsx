import { Card, PageHeader } from "@/components/ui/card";

// The checks can take up to their 2 s timeout; the frame shows at once in the page's own shape.
export default function MaintenanceLoading() {
  const block = "animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60";
  return (
    <>
      <PageHeader
        title="Maintenance"
        description="The state of Orbit's own parts and of every upstream replica, and a quick tool call to test them."
      />
      <div className="space-y-6" role="status" aria-label="Loading maintenance" aria-busy="true">
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Health">
            <div className={`h-24 ${block}`} />
          </Card>
          <Card title="System">
            <div className={`h-56 ${block}`} />
          </Card>
        </div>
        <Card title="Upstream replicas">
          <div className={`h-32 ${block}`} />
        </Card>
      </div>
    </>
  );
}
