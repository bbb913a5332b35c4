import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { ToolView } from "@/lib/servers/list-server-tools";

// The hints MCP defines; shown as badges because they decide retries and caching later.
const hints: [key: string, label: string, tone: "green" | "red" | "amber" | "indigo"][] = [
  ["readOnlyHint", "read-only", "green"],
  ["destructiveHint", "destructive", "red"],
  ["idempotentHint", "idempotent", "indigo"],
  ["openWorldHint", "open world", "amber"],
];

export function ToolTable({ tools }: { tools: ToolView[] }) {
  if (tools.length === 0) {
    return (
      <p className="py-6 text-center text-sm text-zinc-500">No tools stored. Refresh tools to list them.</p>
    );
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Tools">
      {tools.map((tool) => (
        <li key={tool.id} className="py-3" data-testid={`tool-${tool.name}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={`/tools/${tool.id}`}
              className="font-mono text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {tool.name}
            </Link>
            {tool.title && tool.title !== tool.name ? (
              <span className="text-sm text-zinc-500">{tool.title}</span>
            ) : null}
            {hints
              .filter(([key]) => tool.annotations?.[key] === true)
              .map(([key, label, tone]) => (
                <Badge key={key} tone={tone}>
                  {label}
                </Badge>
              ))}
          </div>
          {tool.description ? (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{tool.description}</p>
          ) : null}
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-zinc-500">Input schema</summary>
            <pre className="mt-1 max-h-80 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">
              {JSON.stringify(tool.inputSchema, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
