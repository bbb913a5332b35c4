import { Prisma } from "@/lib/db/generated/client";

/**
 * Narrows a watcher to the containers carrying one label (`key=value`). Production watches everything (null); tests
 * give each run its own label so runs sharing an engine and a database never act on each other's containers.
 */
export type ContainerScope = { key: string; value: string } | null;

export function parseContainerScope(label: string | undefined): ContainerScope {
  if (!label) return null;
  const at = label.indexOf("=");
  if (at < 1) throw new Error(`a container scope is key=value, not ${label}`);
  return { key: label.slice(0, at), value: label.slice(at + 1) };
}

export function isInScope(labels: Record<string, string>, scope: ContainerScope): boolean {
  return scope === null || labels[scope.key] === scope.value;
}

/** The SQL condition on "Container" c (alias `c`) for the scope. */
export function scopeSql(scope: ContainerScope): Prisma.Sql {
  return scope === null ? Prisma.empty : Prisma.sql`AND c.labels ->> ${scope.key} = ${scope.value}`;
}
