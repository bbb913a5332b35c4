"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { RouteTarget } from "@/lib/integrations/list-route-targets";
import { JobTargetFields } from "./job-target-fields";

export const matchFields = [
  { key: "eventType", label: "Event type", placeholder: "issues" },
  { key: "channel", label: "Channel", placeholder: "whatsapp" },
  { key: "keyword", label: "Keyword", placeholder: "refund" },
  { key: "regex", label: "Regex on message text", placeholder: "^order\\s+#\\d+" },
  { key: "tag", label: "Tag", placeholder: "vip" },
  { key: "expression", label: "JSONata condition", placeholder: "action = 'opened'" },
] as const;
export type MatchKey = (typeof matchFields)[number]["key"];

export type RouteRow = {
  key: number;
  id?: string;
  name: string;
  enabled: boolean;
  isFallback: boolean;
  match: Record<MatchKey, string>;
  actionType: "call_tool" | "start_job";
  serverId: string;
  toolName: string;
  argumentsMapping: string;
  fallbackServerId: string;
  /** What a "start_job" route runs; only the chosen one is sent. */
  jobKind: "playbook" | "agent";
  playbook: string;
  agent: string;
};

let lastRowKey = 0;
export const rowKey = () => ++lastRowKey;

export function emptyRoute(): RouteRow {
  return {
    key: rowKey(),
    name: "",
    enabled: true,
    isFallback: false,
    match: { eventType: "", channel: "", keyword: "", regex: "", tag: "", expression: "" },
    actionType: "call_tool",
    serverId: "",
    toolName: "",
    argumentsMapping: "",
    fallbackServerId: "",
    jobKind: "playbook",
    playbook: "",
    agent: "",
  };
}

/** The route as the integration input expects it: blank match conditions left out. */
export function routePayload(row: RouteRow) {
  const match = Object.fromEntries(Object.entries(row.match).filter(([, value]) => value.trim() !== ""));
  return {
    ...(row.id ? { id: row.id } : {}),
    name: row.name,
    enabled: row.enabled,
    isFallback: row.isFallback,
    match,
    actionType: row.actionType,
    ...(row.actionType === "call_tool"
      ? {
          serverId: row.serverId,
          toolName: row.toolName,
          argumentsMapping: row.argumentsMapping,
          fallbackServerId: row.fallbackServerId,
        }
      : row.jobKind === "agent"
        ? { agent: row.agent }
        : { playbook: row.playbook }),
  };
}

/**
 * The ordered route list: add, remove, move up/down; each route either calls a tool (a server and one of its stored
 * tools) or starts a job (a playbook or an agent, by slug).
 */
export function RouteEditor({
  routes,
  onChange,
  targets,
  fields,
}: {
  routes: RouteRow[];
  onChange: (routes: RouteRow[]) => void;
  targets: RouteTarget[];
  fields: Record<string, string>;
}) {
  const update = (index: number, patch: Partial<RouteRow>) =>
    onChange(routes.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...routes];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };

  return (
    <div className="space-y-4">
      {routes.length === 0 ? (
        <p className="text-sm text-zinc-500">
          No routes: every delivery will be stored as unrouted. Add one to call a tool or start a job.
        </p>
      ) : null}
      {routes.map((route, index) => {
        const n = index + 1;
        const err = (field: string) => fields[`routes.${index}.${field}`];
        const server = targets.find((t) => t.id === route.serverId);
        const tools = server?.tools ?? [];
        const toolListed = tools.some((t) => t.name === route.toolName);
        return (
          <fieldset
            key={route.key}
            className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
            data-testid={`route-${index}`}
          >
            <legend className="px-1 text-sm font-medium">
              Route {n}
              {route.name ? ` — ${route.name}` : ""}
            </legend>
            <div className="flex flex-wrap items-end gap-3">
              <div className="min-w-48 flex-1">
                <label className="block text-xs font-medium" htmlFor={`route-${index}-name`}>
                  Route {n} name
                </label>
                <input
                  id={`route-${index}-name`}
                  className={inputClass}
                  value={route.name}
                  aria-invalid={err("name") ? true : undefined}
                  onChange={(e) => update(index, { name: e.target.value })}
                />
              </div>
              <label className="flex items-center gap-1 pb-2 text-sm">
                <input
                  type="checkbox"
                  checked={route.enabled}
                  onChange={(e) => update(index, { enabled: e.target.checked })}
                />
                Enabled
              </label>
              <label className="flex items-center gap-1 pb-2 text-sm">
                <input
                  type="checkbox"
                  checked={route.isFallback}
                  onChange={(e) => update(index, { isFallback: e.target.checked })}
                />
                Fallback (taken when no other route matches)
              </label>
              <div className="flex gap-1 pb-1">
                <Button
                  variant="ghost"
                  aria-label={`Move route ${n} up`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Move route ${n} down`}
                  disabled={index === routes.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Remove route ${n}`}
                  onClick={() => onChange(routes.filter((_, i) => i !== index))}
                >
                  Remove
                </Button>
              </div>
            </div>

            {route.isFallback ? null : (
              <div>
                <p className="text-xs text-zinc-500">Match — every condition filled in must hold.</p>
                <div className="mt-1 grid gap-2 sm:grid-cols-3">
                  {matchFields.map((f) => (
                    <div key={f.key}>
                      <label className="block text-xs" htmlFor={`route-${index}-match-${f.key}`}>
                        {f.label}
                      </label>
                      <input
                        id={`route-${index}-match-${f.key}`}
                        aria-label={`Route ${n} ${f.label}`}
                        className={`${inputClass} font-mono`}
                        placeholder={f.placeholder}
                        value={route.match[f.key]}
                        aria-invalid={err(`match.${f.key}`) ? true : undefined}
                        onChange={(e) =>
                          update(index, { match: { ...route.match, [f.key]: e.target.value } })
                        }
                      />
                    </div>
                  ))}
                </div>
              </div>
            )}

            <div className="grid gap-2 sm:grid-cols-3">
              <div>
                <label className="block text-xs" htmlFor={`route-${index}-action`}>
                  Action
                </label>
                <select
                  id={`route-${index}-action`}
                  className={inputClass}
                  value={route.actionType}
                  onChange={(e) => update(index, { actionType: e.target.value as RouteRow["actionType"] })}
                >
                  <option value="call_tool">Call a tool</option>
                  <option value="start_job">Start a job</option>
                </select>
              </div>
              {route.actionType === "start_job" ? (
                <JobTargetFields route={route} index={index} err={err} update={update} />
              ) : (
                <>
                  <div>
                    <label className="block text-xs" htmlFor={`route-${index}-server`}>
                      Route {n} server
                    </label>
                    <select
                      id={`route-${index}-server`}
                      className={inputClass}
                      value={route.serverId}
                      aria-invalid={err("serverId") ? true : undefined}
                      onChange={(e) => update(index, { serverId: e.target.value, toolName: "" })}
                    >
                      <option value="">Choose a server…</option>
                      {targets.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                          {t.enabled ? "" : " (disabled)"}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label className="block text-xs" htmlFor={`route-${index}-tool`}>
                      Route {n} tool
                    </label>
                    <select
                      id={`route-${index}-tool`}
                      className={inputClass}
                      value={route.toolName}
                      disabled={!server}
                      aria-invalid={err("toolName") ? true : undefined}
                      onChange={(e) => update(index, { toolName: e.target.value })}
                    >
                      <option value="">
                        {server && tools.length === 0
                          ? "No stored tools — refresh the server"
                          : "Choose a tool…"}
                      </option>
                      {route.toolName && !toolListed ? (
                        <option value={route.toolName}>{route.toolName} (not listed)</option>
                      ) : null}
                      {tools.map((t) => (
                        <option key={t.name} value={t.name} title={t.description ?? undefined}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  </div>
                </>
              )}
            </div>

            {route.actionType === "start_job" ? null : (
              <div className="grid gap-2 sm:grid-cols-3">
                <div className="sm:col-span-2">
                  <label className="block text-xs" htmlFor={`route-${index}-args`}>
                    Route {n} arguments (JSONata over the payload; empty means {"{}"})
                  </label>
                  <textarea
                    id={`route-${index}-args`}
                    className={`${inputClass} font-mono`}
                    rows={2}
                    placeholder='{ "message": issue.title }'
                    value={route.argumentsMapping}
                    aria-invalid={err("argumentsMapping") ? true : undefined}
                    onChange={(e) => update(index, { argumentsMapping: e.target.value })}
                  />
                </div>
                <div>
                  <label className="block text-xs" htmlFor={`route-${index}-fallback-server`}>
                    Fallback server (optional)
                  </label>
                  <select
                    id={`route-${index}-fallback-server`}
                    className={inputClass}
                    value={route.fallbackServerId}
                    onChange={(e) => update(index, { fallbackServerId: e.target.value })}
                  >
                    <option value="">None</option>
                    {targets
                      .filter((t) => t.id !== route.serverId)
                      .map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                  </select>
                </div>
              </div>
            )}
            {Object.entries(fields)
              .filter(([path]) => path.startsWith(`routes.${index}.`) || path === `routes.${index}`)
              .map(([path, message]) => (
                <p key={path} className="text-xs text-red-600 dark:text-red-400">
                  {message}
                </p>
              ))}
          </fieldset>
        );
      })}
    </div>
  );
}
