import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { RouteView } from "@/lib/integrations/to-integration-view";

/** Read-only summary of an integration's routes, in the order they are tried. */
export function RouteList({ routes }: { routes: RouteView[] }) {
  if (routes.length === 0) {
    return <p className="text-sm text-zinc-500">No routes: every delivery is stored as unrouted.</p>;
  }
  return (
    <ol className="space-y-3">
      {routes.map((route) => {
        const conditions = Object.entries(route.match);
        return (
          <li key={route.id} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">
                {route.position + 1}. {route.name}
              </span>
              {route.enabled ? null : <Badge>disabled</Badge>}
              {route.isFallback ? <Badge tone="amber">fallback</Badge> : null}
              {route.actionType === "start_job" ? <Badge tone="indigo">start job</Badge> : null}
            </div>
            <div className="mt-1 font-mono text-xs text-zinc-500">
              {route.isFallback
                ? "when no other route matches"
                : conditions.length
                  ? conditions.map(([k, v]) => `${k}: ${String(v)}`).join(" · ")
                  : "matches every delivery"}
            </div>
            <div className="mt-1">
              →{" "}
              {route.actionType === "start_job" ? (
                <span>
                  start {route.agent ? "agent" : "playbook"}{" "}
                  <span className="font-mono">{route.agent ?? route.playbook}</span>
                </span>
              ) : route.serverId ? (
                <Link
                  href={`/servers/${route.serverId}`}
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {route.serverName}
                </Link>
              ) : (
                <span className="text-red-600">server deleted</span>
              )}{" "}
              {route.actionType === "start_job" ? null : <span className="font-mono">{route.toolName}</span>}
              {route.fallbackServerName ? (
                <span className="text-zinc-500"> (fallback: {route.fallbackServerName})</span>
              ) : null}
            </div>
            {route.argumentsMapping ? (
              <pre className="mt-1 overflow-x-auto rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">
                {route.argumentsMapping}
              </pre>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
