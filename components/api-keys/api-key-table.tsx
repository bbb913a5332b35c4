import { formatTime } from "@/components/deliveries/format-time";
import { Badge } from "@/components/ui/card";
import type { ApiKeyStatus, ApiKeyView } from "@/lib/api-keys/to-api-key-view";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const statusTone: Record<ApiKeyStatus, "green" | "amber" | "red"> = {
  active: "green",
  expired: "amber",
  revoked: "red",
};

export function ApiKeyTable({ keys }: { keys: ApiKeyView[] }) {
  if (keys.length === 0) {
    return <p className="py-10 text-center text-sm text-zinc-500">No API keys yet.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            <th className="py-2 pr-4">Key</th>
            <th className="py-2 pr-4">Scopes</th>
            <th className="py-2 pr-4">Tools</th>
            <th className="py-2 pr-4">Created</th>
            <th className="py-2 pr-4">Expires</th>
            <th className="py-2 pr-4">Last used</th>
            <th className="py-2 pr-4">Status</th>
            <th className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {keys.map((key) => (
            <tr key={key.id} data-testid={`api-key-row-${key.prefix}`} className="align-top">
              <td className="py-2 pr-4">
                <div className="font-medium">{key.name}</div>
                <div className="font-mono text-xs text-zinc-500">{key.prefix}…</div>
              </td>
              <td className="py-2 pr-4">
                <div className="flex flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope} tone="indigo">
                      {scope}
                    </Badge>
                  ))}
                </div>
              </td>
              <td className="py-2 pr-4 font-mono text-xs">
                <ToolList label="allow" patterns={key.allowedTools} empty="all tools of its servers" />
                {key.deniedTools.length ? <ToolList label="deny" patterns={key.deniedTools} /> : null}
              </td>
              <td className="py-2 pr-4 text-xs text-zinc-500">
                <div>{key.createdBy ?? "—"}</div>
                <div>{formatTime(key.createdAt)}</div>
              </td>
              <td className="py-2 pr-4 text-xs text-zinc-500">
                {key.expiresAt ? formatTime(key.expiresAt) : "never"}
              </td>
              <td className="py-2 pr-4 text-xs text-zinc-500">
                {key.lastUsedAt ? formatTime(key.lastUsedAt) : "never"}
              </td>
              <td className="py-2 pr-4">
                <Badge tone={statusTone[key.status]}>{key.status}</Badge>
                {key.revokedAt ? (
                  <div className="mt-1 text-xs text-zinc-500">{formatTime(key.revokedAt)}</div>
                ) : null}
              </td>
              <td className="py-2">
                {key.status === "revoked" ? null : <RevokeApiKeyButton apiKeyId={key.id} name={key.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ToolList({ label, patterns, empty }: { label: string; patterns: string[]; empty?: string }) {
  return (
    <div>
      <span className="font-sans text-zinc-500">{label}: </span>
      {patterns.length ? patterns.join(", ") : <span className="font-sans text-zinc-500">{empty}</span>}
    </div>
  );
}
