import { Badge, Card } from "@/components/ui/card";
import type { CheckState, Readiness } from "@/lib/health/check-readiness";

const tone: Record<CheckState, "green" | "gray" | "red" | "amber"> = {
  ok: "green",
  not_configured: "gray",
  error: "red",
  stale: "amber",
  none: "gray",
};
const labels: Record<string, string> = { database: "Database", redis: "Redis", worker: "Worker heartbeat" };
const meaning: Record<CheckState, string> = {
  ok: "ok",
  not_configured: "not configured",
  error: "not answering",
  stale: "no recent heartbeat",
  none: "no worker running",
};

/** What /api/ready reports, check by check, as an operator reads it. */
export function ReadinessCard({ readiness }: { readiness: Readiness }) {
  return (
    <Card
      title="Health"
      actions={
        <Badge tone={readiness.status === "ok" ? "green" : "red"}>
          {readiness.status === "ok" ? "ready" : "unavailable"}
        </Badge>
      }
    >
      <dl className="grid gap-3 sm:grid-cols-3">
        {Object.entries(readiness.checks).map(([name, state]) => (
          <div
            key={name}
            data-testid={`readiness-${name}`}
            className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <dt className="text-sm font-medium">{labels[name] ?? name}</dt>
            <dd className="mt-1">
              <Badge tone={tone[state] ?? "amber"}>{meaning[state] ?? state}</Badge>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
