import { formatTime } from "@/components/deliveries/format-time";
import type { ReplicaHealthView } from "@/lib/health/list-replica-health";
import { CircuitBadge, HealthBadge } from "./replica-health-badges";

/** Per replica: the last check's verdict, when, how fast, why not, and the circuit calls see. */
export function ReplicaHealthTable({ replicas }: { replicas: ReplicaHealthView[] }) {
  if (replicas.length === 0) return <p className="text-sm text-zinc-500">No endpoints.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed text-left text-sm">
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            <th className="w-2/6 py-2 pr-4">Replica</th>
            <th className="w-28 py-2 pr-4">Health</th>
            <th className="w-32 py-2 pr-4">Circuit</th>
            <th className="w-24 py-2 pr-4 text-right">Latency</th>
            <th className="w-48 py-2 pr-4">Last check</th>
            <th className="py-2">Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {replicas.map((r) => (
            <tr key={r.endpointId} data-testid={`replica-health-${r.label}`}>
              <td className="truncate py-2 pr-4 font-mono text-xs" title={r.label}>
                {r.url} <span className="text-zinc-500">weight {r.weight}</span>
              </td>
              <td className="py-2 pr-4">
                <HealthBadge status={r.status} />
              </td>
              <td className="py-2 pr-4">
                <CircuitBadge state={r.circuit} />
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {r.latencyMs === null ? "—" : `${r.latencyMs} ms`}
              </td>
              <td className="py-2 pr-4 text-xs tabular-nums text-zinc-500">
                {formatTime(r.checkedAt)}
                {r.changedAt ? <div>changed {formatTime(r.changedAt)}</div> : null}
              </td>
              <td
                className="truncate py-2 text-xs text-red-700 dark:text-red-300"
                title={r.error ?? undefined}
              >
                {r.error ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
