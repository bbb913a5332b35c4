import { formatTime } from "@/components/deliveries/format-time";
import { Badge } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { ApiKeyStatus, ApiKeyView } from "@/lib/api-keys/to-api-key-view";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const statusTone: Record<ApiKeyStatus, "green" | "amber" | "red"> = {
  active: "green",
  expired: "amber",
  revoked: "red",
};

const columns: DataTableColumn[] = [
  { key: "key", header: "Key", sortable: true },
  { key: "scopes", header: "Scopes" },
  { key: "tools", header: "Tools" },
  { key: "created", header: "Created", sortable: true },
  { key: "expires", header: "Expires", sortable: true },
  { key: "lastUsed", header: "Last used", sortable: true },
  { key: "status", header: "Status", sortable: true },
  { key: "actions", header: "Actions" },
];

export function ApiKeyTable({ keys }: { keys: ApiKeyView[] }) {
  return (
    <DataTable
      label="API keys"
      quickFilter="Filter by name, prefix or scope"
      columns={columns}
      empty="No API keys yet."
      rows={keys.map((key) => ({
        key: key.id,
        testId: `api-key-row-${key.prefix}`,
        filterText: [key.name, key.prefix, ...key.scopes].join(" ").toLowerCase(),
        sortValues: {
          key: key.name,
          created: key.createdAt.getTime(),
          expires: key.expiresAt?.getTime() ?? null,
          lastUsed: key.lastUsedAt?.getTime() ?? null,
          status: key.status,
        },
        cells: {
          key: (
            <>
              <div className="font-medium">{key.name}</div>
              <div className="font-mono text-xs text-zinc-500">{key.prefix}…</div>
            </>
          ),
          scopes: (
            <div className="flex flex-wrap gap-1">
              {key.scopes.map((scope) => (
                <Badge key={scope} tone="indigo">
                  {scope}
                </Badge>
              ))}
            </div>
          ),
          tools: (
            <div className="font-mono text-xs">
              <ToolList label="allow" patterns={key.allowedTools} empty="all tools of its servers" />
              {key.deniedTools.length ? <ToolList label="deny" patterns={key.deniedTools} /> : null}
            </div>
          ),
          created: (
            <div className="text-xs text-zinc-500">
              <div>{key.createdBy ?? "—"}</div>
              <div>{formatTime(key.createdAt)}</div>
            </div>
          ),
          expires: (
            <span className="text-xs text-zinc-500">
              {key.expiresAt ? formatTime(key.expiresAt) : "never"}
            </span>
          ),
          lastUsed: (
            <span className="text-xs text-zinc-500">
              {key.lastUsedAt ? formatTime(key.lastUsedAt) : "never"}
            </span>
          ),
          status: (
            <>
              <Badge tone={statusTone[key.status]}>{key.status}</Badge>
              {key.revokedAt ? (
                <div className="mt-1 text-xs text-zinc-500">{formatTime(key.revokedAt)}</div>
              ) : null}
            </>
          ),
          actions: key.status === "revoked" ? null : <RevokeApiKeyButton apiKeyId={key.id} name={key.name} />,
        },
      }))}
    />
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
