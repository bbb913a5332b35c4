import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { ToolListItem } from "@/lib/tools/list-tools";
import { ToolHintBadges } from "./tool-hint-badges";

const columns = [
  { key: "name", header: "Tool", sortable: true },
  { key: "server", header: "Server", sortable: true },
  { key: "hints", header: "Annotations" },
  { key: "state", header: "State", sortable: true },
  { key: "overrides", header: "Overrides" },
];

export function ToolListTable({ tools, filtered }: { tools: ToolListItem[]; filtered: boolean }) {
  return (
    <DataTable
      label="Tools"
      columns={columns}
      quickFilter="Filter these tools"
      empty={
        filtered
          ? "No tool matches these filters."
          : "No tools yet. Add a server and refresh its tools to fill the registry."
      }
      rows={tools.map((tool) => {
        const state = tool.deletedAt ? "deleted" : tool.enabled ? "enabled" : "disabled";
        return {
          key: tool.id,
          testId: `tool-row-${tool.server.slug}-${tool.name}`,
          filterText:
            `${tool.name} ${tool.server.slug} ${tool.descriptionOverride ?? tool.description ?? ""}`.toLowerCase(),
          sortValues: { name: tool.name, server: tool.server.slug, state },
          cells: {
            name: (
              <div className="max-w-md">
                <Link
                  href={`/tools/${tool.id}`}
                  className="font-mono font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {tool.name}
                </Link>
                {(tool.descriptionOverride ?? tool.description) ? (
                  <p className="mt-0.5 line-clamp-2 text-xs text-zinc-500">
                    {tool.descriptionOverride ?? tool.description}
                  </p>
                ) : null}
              </div>
            ),
            server: (
              <Link href={`/servers/${tool.server.id}`} className="font-mono text-xs hover:underline">
                {tool.server.slug}
              </Link>
            ),
            hints: (
              <span className="flex flex-wrap gap-1">
                <ToolHintBadges annotations={tool.annotations} />
              </span>
            ),
            state:
              state === "deleted" ? (
                <Badge tone="red">deleted{tool.deletedBy === "upstream" ? " upstream" : ""}</Badge>
              ) : state === "enabled" ? (
                <Badge tone="green">enabled</Badge>
              ) : (
                <Badge tone="amber">disabled</Badge>
              ),
            overrides: (
              <span className="flex flex-wrap gap-1">
                {tool.descriptionOverride ? <Badge tone="indigo">description</Badge> : null}
                {tool.cacheTtlSeconds ? <Badge tone="indigo">cache {tool.cacheTtlSeconds} s</Badge> : null}
                {tool.retryOverride ? <Badge tone="indigo">retry {tool.retryOverride}</Badge> : null}
              </span>
            ),
          },
        };
      })}
    />
  );
}
