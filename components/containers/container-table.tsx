"use client";

import Link from "next/link";
import { useState } from "react";
import { diagnoseContainersAction } from "@/app/(admin)/containers/actions";
import { formatTime } from "@/components/deliveries/format-time";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import type { ContainerDiagnosis } from "@/lib/docker/diagnose-containers";
import type { ContainerListItem } from "@/lib/docker/list-containers";
import { ContainerHealthBadge, ContainerStateBadge, HealStateBadge } from "./container-badges";
import { DiagnosisView } from "./diagnosis-view";

const MAX_DIAGNOSED = 20;

/**
 * The containers the watcher knows, with a checkbox each for diagnostics: health, the last log lines and an inspect
 * summary of the chosen ones, side by side, straight from the engine.
 */
export function ContainerTable({ containers }: { containers: ContainerListItem[] }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [diagnoses, setDiagnoses] = useState<ContainerDiagnosis[]>([]);

  function toggle(id: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function diagnose() {
    setBusy(true);
    setError(null);
    const result = await diagnoseContainersAction({ containerIds: [...chosen] });
    setBusy(false);
    if (result.ok) setDiagnoses(result.data);
    else setError(result.error.message);
  }

  if (containers.length === 0) {
    return (
      <p className="py-10 text-center text-sm text-zinc-500">
        No containers yet. They appear here as soon as a worker follows the engine at DOCKER_HOST.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-zinc-500">
            <tr>
              <th className="py-2 pr-2">
                <span className="sr-only">Choose</span>
              </th>
              <th className="py-2 pr-4">Container</th>
              <th className="py-2 pr-4">State</th>
              <th className="py-2 pr-4">Health</th>
              <th className="py-2 pr-4">Healing</th>
              <th className="py-2 pr-4">Restarts</th>
              <th className="py-2">Recent events</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {containers.map((c) => (
              <tr key={c.id} data-testid={`container-row-${c.name}`} className="align-top">
                <td className="py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label={`Choose ${c.name}`}
                    checked={chosen.has(c.id)}
                    disabled={!chosen.has(c.id) && chosen.size >= MAX_DIAGNOSED}
                    onChange={() => toggle(c.id)}
                  />
                </td>
                <td className="py-2 pr-4">
                  <Link
                    href={`/containers/${c.id}`}
                    className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {c.name}
                  </Link>
                  <div className="font-mono text-xs text-zinc-500">{c.image}</div>
                  {c.serverSlug ? <div className="text-xs text-zinc-500">serves {c.serverSlug}</div> : null}
                </td>
                <td className="py-2 pr-4">
                  <ContainerStateBadge state={c.state} exitCode={c.exitCode} />
                </td>
                <td className="py-2 pr-4">
                  <ContainerHealthBadge health={c.health} />
                </td>
                <td className="py-2 pr-4">
                  <HealStateBadge enabled={c.healEnabled || c.serverSlug !== null} healState={c.healState} />
                  {c.nextHealAt ? (
                    <div className="text-xs tabular-nums text-zinc-500">at {formatTime(c.nextHealAt)}</div>
                  ) : null}
                </td>
                <td className="py-2 pr-4 tabular-nums" aria-label="Restarts by Orbit">
                  {c.restartCount}
                </td>
                <td className="py-2">
                  <ul className="space-y-0.5 text-xs">
                    {c.recentEvents.map((e) => (
                      <li
                        key={e.id}
                        className={e.level === "error" ? "text-red-700 dark:text-red-300" : undefined}
                      >
                        <span className="tabular-nums text-zinc-500">{formatTime(e.at).slice(11, 19)}</span>{" "}
                        {e.kind.replaceAll("_", " ")}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" disabled={busy || chosen.size === 0} onClick={diagnose}>
          {busy ? "Diagnosing…" : chosen.size ? `Diagnose ${chosen.size} selected` : "Diagnose selected"}
        </Button>
        <span className="text-xs text-zinc-500">
          Up to {MAX_DIAGNOSED} at once: health, last logs, inspect summary.
        </span>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {diagnoses.map((d) => (
        <DiagnosisView key={d.id} diagnosis={d} />
      ))}
    </div>
  );
}
