import { Badge, Card } from "@/components/ui/card";
import type { ContainerDiagnosis } from "@/lib/docker/diagnose-containers";
import { ContainerHealthBadge, ContainerStateBadge, healLabel } from "./container-badges";

/** One container's diagnostics: state, health checks, an inspect summary and its last log lines. */
export function DiagnosisView({ diagnosis }: { diagnosis: ContainerDiagnosis }) {
  const { summary, health } = diagnosis;
  return (
    <Card title={`Diagnostics: ${diagnosis.name}`}>
      <div className="space-y-4 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <ContainerStateBadge state={diagnosis.state} exitCode={summary?.exitCode} />
          <ContainerHealthBadge health={health?.status ?? null} />
          {summary?.oomKilled ? <Badge tone="red">OOM-killed</Badge> : null}
          <span className="text-xs text-zinc-500">
            {`healing: ${diagnosis.orbit.healEnabled ? (healLabel[diagnosis.orbit.healState]?.text ?? diagnosis.orbit.healState) : "off"}, restarted by Orbit ${diagnosis.orbit.restarts}×`}
          </span>
        </div>
        {diagnosis.error ? <p className="text-red-700 dark:text-red-300">{diagnosis.error}</p> : null}
        {summary ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            <dt className="text-zinc-500">Image</dt>
            <dd className="font-mono text-xs">{summary.image}</dd>
            <dt className="text-zinc-500">Command</dt>
            <dd className="font-mono text-xs break-all">{summary.command}</dd>
            <dt className="text-zinc-500">Started / finished</dt>
            <dd className="text-xs">
              {summary.startedAt ?? "—"} / {summary.finishedAt ?? "—"}
            </dd>
            <dt className="text-zinc-500">Restart policy</dt>
            <dd className="text-xs">
              {summary.restartPolicy} (engine restarts: {summary.engineRestarts})
            </dd>
            <dt className="text-zinc-500">Network</dt>
            <dd className="text-xs">{summary.networkMode || "—"}</dd>
            <dt className="text-zinc-500">Mounts</dt>
            <dd className="font-mono text-xs">
              {summary.mounts.length ? summary.mounts.join(", ") : "none"}
            </dd>
            <dt className="text-zinc-500">Environment</dt>
            <dd className="font-mono text-xs">{summary.environment.join(", ") || "none"}</dd>
            <dt className="text-zinc-500">Health check</dt>
            <dd className="font-mono text-xs">{summary.healthcheck ?? "none"}</dd>
          </dl>
        ) : null}
        {health?.checks.length ? (
          <div>
            <h3 className="text-xs font-semibold uppercase text-zinc-500">
              Last health checks (failing streak {health.failingStreak})
            </h3>
            <ul className="mt-1 space-y-1 font-mono text-xs">
              {health.checks.map((check) => (
                <li key={check.at}>
                  {check.at} exit {check.exitCode}
                  {check.output ? `: ${check.output}` : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div>
          <h3 className="text-xs font-semibold uppercase text-zinc-500">Last log lines</h3>
          <LogTail lines={diagnosis.logs} empty="No log lines." />
        </div>
      </div>
    </Card>
  );
}

/** Log lines in a scrollable block; stderr stands out. */
export function LogTail({ lines, empty }: { lines: { stream: string; text: string }[]; empty: string }) {
  if (lines.length === 0) return <p className="mt-1 text-xs text-zinc-500">{empty}</p>;
  return (
    <pre className="mt-1 max-h-96 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100">
      {lines.map((line, index) => (
        // Lines have no identity of their own; their order is the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={index} className={line.stream === "stderr" ? "text-red-300" : undefined}>
          {line.text}
        </div>
      ))}
    </pre>
  );
}
