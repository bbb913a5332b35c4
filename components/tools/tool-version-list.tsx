import { Badge } from "@/components/ui/card";
import type { ToolVersionView } from "@/lib/tools/get-tool-for-page";
import { RestoreOverridesButton } from "./restore-overrides-button";

const changeLabels: Record<string, string> = {
  created: "first listed",
  changed: "definition changed",
  overrides: "overrides changed",
  deleted: "deleted",
  restored: "restored",
};

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Every version of a tool, newest first, with its diff; older overrides can be put back. */
export function ToolVersionList({
  versions,
  canManage,
}: {
  versions: ToolVersionView[];
  canManage: boolean;
}) {
  if (versions.length === 0) {
    return <p className="py-4 text-center text-sm text-zinc-500">No changes recorded yet.</p>;
  }
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Versions">
      {versions.map((version, index) => (
        <li key={version.id} className="space-y-2 py-3" data-testid="tool-version">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-mono text-xs text-zinc-500">#{versions.length - index}</span>
            <Badge tone={version.source === "admin" ? "indigo" : "gray"}>{version.source}</Badge>
            <span className="font-medium">{changeLabels[version.change] ?? version.change}</span>
            <span className="text-zinc-500">by {version.actorLabel}</span>
            <time className="text-zinc-500" dateTime={version.createdAt.toISOString()}>
              {version.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
            </time>
          </div>
          {version.diff.length > 0 ? (
            <table className="w-full text-left text-xs" aria-label="Changes">
              <thead className="text-zinc-500">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Field
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Before
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    After
                  </th>
                </tr>
              </thead>
              <tbody>
                {version.diff.map((change) => (
                  <tr key={change.path} className="align-top">
                    <td className="py-1 pr-3 font-mono">{change.path}</td>
                    <td className="max-w-xs break-all py-1 pr-3 font-mono text-red-700 dark:text-red-300">
                      {show(change.before)}
                    </td>
                    <td className="max-w-xs break-all py-1 font-mono text-emerald-700 dark:text-emerald-300">
                      {show(change.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {canManage && index > 0 ? <RestoreOverridesButton versionId={version.id} /> : null}
        </li>
      ))}
    </ol>
  );
}
