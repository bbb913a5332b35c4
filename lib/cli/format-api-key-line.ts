import type { ApiKeyView } from "@/lib/api-keys/to-api-key-view";

/**
 * One key per line for `orbit apikey list`: the id first, because that is what `apikey revoke --id` takes, then
 * what tells keys apart. Optional parts appear only when set, so the common line stays short.
 */
export function formatApiKeyLine(key: ApiKeyView): string {
  const parts = [
    key.id,
    `${key.prefix}…`,
    key.name.padEnd(20),
    key.status.padEnd(7),
    `scopes=${key.scopes.join(",")}`,
  ];
  if (key.allowedTools.length) parts.push(`allow=${key.allowedTools.join(",")}`);
  if (key.deniedTools.length) parts.push(`deny=${key.deniedTools.join(",")}`);
  if (key.expiresAt) parts.push(`expires=${key.expiresAt.toISOString()}`);
  parts.push(`last-used=${key.lastUsedAt?.toISOString() ?? "never"}`);
  return parts.join("  ");
}
