import { Badge } from "@/components/ui/card";
import type { ConfigVersionView } from "@/lib/config/list-config-versions";
import { RollbackConfigButton } from "./rollback-config-button";

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(", ") : "(none)";
  return String(value);
}

/** The history, newest first: who saved what and when, each with its changes against the version before. */
export function ConfigVersionList({
  versions,
  current,
  canEdit,
}: {
  versions: ConfigVersionView[];
  current: number;
  canEdit: boolean;
}) {
  if (versions.length === 0) {
    return (
      <p className="text-sm text-zinc-500">
        No version saved yet: every setting is the environment&apos;s default.
      </p>
    );
  }
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Configuration versions">
      {versions.map((v) => (
        <li key={v.version} className="py-3" aria-label={`Version ${v.version}`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-semibold">Version {v.version}</span>
              {v.version === current ? <Badge tone="green">in force</Badge> : null}
              {v.restoredFrom ? <Badge tone="amber">rollback to {v.restoredFrom}</Badge> : null}
              <span className="text-zinc-500">
                {v.actorLabel} ·{" "}
                <time dateTime={v.createdAt.toISOString()}>
                  {v.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                </time>
              </span>
            </div>
            {canEdit && v.version !== current ? <RollbackConfigButton version={v.version} /> : null}
          </div>
          {v.message ? <p className="mt-1 text-sm">{v.message}</p> : null}
          {v.changes.length ? (
            <ul className="mt-2 space-y-0.5 font-mono text-xs">
              {v.changes.map((c) => (
                <li key={c.path}>
                  {c.path}:{" "}
                  <span className="text-red-700 line-through dark:text-red-400">{show(c.before)}</span> →{" "}
                  <span className="text-emerald-700 dark:text-emerald-400">{show(c.after)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-xs text-zinc-500">No change from the version before.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
