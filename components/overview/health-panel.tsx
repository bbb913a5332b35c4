import Link from "next/link";
import { CircuitBadge, HealthBadge } from "@/components/servers/replica-health-badges";
import { Badge, Card } from "@/components/ui/card";
import type { CheckState } from "@/lib/health/check-readiness";
import type { Overview } from "@/lib/overview/get-overview";

const CHECK_LABELS = { database: "Database", redis: "Redis", worker: "Worker" } as const;

const checkBadge: Record<CheckState, { tone: "green" | "gray" | "red"; text: string }> = {
  ok: { tone: "green", text: "ok" },
  not_configured: { tone: "gray", text: "not configured" },
  error: { tone: "red", text: "error" },
  stale: { tone: "red", text: "stale" },
  none: { tone: "gray", text: "not running" },
};

/** What /api/ready reports, then every server's replicas: last health check and the circuit as calls see it now. */
export function HealthPanel({ servers, readiness }: Pick<Overview, "servers" | "readiness">) {
  const replicas = servers.flatMap((s) => s.replicas);
  const healthy = replicas.filter((r) => r.status === "healthy").length;
  const open = replicas.filter((r) => r.circuit !== "closed").length;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="System">
        <dl className="space-y-2 text-sm">
          {(Object.keys(CHECK_LABELS) as (keyof typeof CHECK_LABELS)[]).map((check) => (
            <div key={check} className="flex items-center justify-between gap-2">
              <dt>{CHECK_LABELS[check]}</dt>
              <dd data-testid={`readiness-${check}`}>
                <Badge tone={checkBadge[readiness[check]].tone}>{checkBadge[readiness[check]].text}</Badge>
              </dd>
            </div>
          ))}
        </dl>
        {readiness.worker === "stale" || readiness.worker === "none" ? (
          <p className="mt-3 text-xs text-zinc-500">
            Jobs and async webhook deliveries wait until a worker runs (`npm run worker`).
          </p>
        ) : null}
      </Card>
      <div className="lg:col-span-2">
        <Card title="Upstream health">
          {servers.length === 0 ? (
            <p className="py-6 text-center text-sm text-zinc-500">No servers registered.</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-zinc-500" data-testid="replica-summary">
                {healthy} of {replicas.length} replicas healthy
                {open > 0 ? `, ${open} with the circuit not closed` : ", every circuit closed"}.
              </p>
              <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
                {servers.map((server) => (
                  <li key={server.id} className="flex flex-wrap items-center gap-2 py-1.5">
                    <Link
                      href={`/servers/${server.id}`}
                      className="min-w-40 font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                    >
                      {server.name}
                    </Link>
                    {server.replicas.map((replica) => (
                      <span key={replica.endpointId} className="inline-flex items-center gap-1 text-xs">
                        <span className="font-mono text-zinc-500">{replica.label}</span>
                        <HealthBadge status={replica.status} />
                        <CircuitBadge state={replica.circuit} />
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
