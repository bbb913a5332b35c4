import { Badge } from "@/components/ui/card";
import type { ServerInspection } from "@/lib/mcp/inspect-server";

/** What a connection test found: who the server says it is, what it can do, and what it offers. */
export function InspectionView({ inspection }: { inspection: ServerInspection }) {
  const capabilities = Object.keys(inspection.capabilities ?? {});
  return (
    <div className="space-y-4 text-sm" data-testid="inspection">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-zinc-500">Server</dt>
        <dd data-testid="inspection-server">
          {inspection.serverInfo.title ?? inspection.serverInfo.name}{" "}
          <span className="text-zinc-500">v{inspection.serverInfo.version}</span>
        </dd>
        <dt className="text-zinc-500">Protocol</dt>
        <dd>
          {inspection.protocolVersion ?? "unknown"} over{" "}
          {inspection.transport === "sse" ? "SSE" : "Streamable HTTP"}
        </dd>
        <dt className="text-zinc-500">Capabilities</dt>
        <dd className="flex flex-wrap gap-1">
          {capabilities.length ? capabilities.map((c) => <Badge key={c}>{c}</Badge>) : "none declared"}
        </dd>
      </dl>
      {inspection.instructions ? (
        <p className="rounded bg-zinc-100 p-2 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {inspection.instructions}
        </p>
      ) : null}
      <NameList title="Tools" names={inspection.tools.map((t) => t.name)} />
      <NameList title="Resources" names={inspection.resources.map((r) => r.name || r.uri)} />
      <NameList title="Resource templates" names={inspection.resourceTemplates.map((r) => r.uriTemplate)} />
      <NameList title="Prompts" names={inspection.prompts.map((p) => p.name)} />
      {inspection.truncated.length ? (
        <p className="text-xs text-amber-600">
          Some lists were cut short: {inspection.truncated.join(", ")}.
        </p>
      ) : null}
    </div>
  );
}

function NameList({ title, names }: { title: string; names: string[] }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {title} ({names.length})
      </h3>
      {names.length ? (
        <ul className="flex flex-wrap gap-1">
          {names.map((name) => (
            <li key={name} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
              {name}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-zinc-500">None.</p>
      )}
    </div>
  );
}
