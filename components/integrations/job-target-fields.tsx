"use client";

import { inputClass } from "@/components/ui/field";
import type { RouteRow } from "./route-editor";

/** A job route's target: playbook or agent, and its slug. The job gets the delivery's payload as its input. */
export function JobTargetFields({
  route,
  index,
  err,
  update,
}: {
  route: RouteRow;
  index: number;
  err: (field: string) => string | undefined;
  update: (index: number, patch: Partial<RouteRow>) => void;
}) {
  const n = index + 1;
  const key = route.jobKind;
  return (
    <>
      <div>
        <label className="block text-xs" htmlFor={`route-${index}-job-kind`}>
          Route {n} job kind
        </label>
        <select
          id={`route-${index}-job-kind`}
          className={inputClass}
          value={key}
          onChange={(e) => update(index, { jobKind: e.target.value as RouteRow["jobKind"] })}
        >
          <option value="playbook">Playbook</option>
          <option value="agent">Agent</option>
        </select>
      </div>
      <div>
        <label className="block text-xs" htmlFor={`route-${index}-${key}`}>
          Route {n} {key} (slug; the job gets the payload as its input)
        </label>
        <input
          id={`route-${index}-${key}`}
          className={`${inputClass} font-mono`}
          placeholder={key === "agent" ? "triage" : "reindex"}
          value={route[key]}
          aria-invalid={err(key) ? true : undefined}
          onChange={(e) => update(index, { [key]: e.target.value })}
        />
      </div>
    </>
  );
}
