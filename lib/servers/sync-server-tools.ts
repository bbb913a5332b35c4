import { forgetLookups } from "@/lib/cache/create-lookup-cache";
import { Prisma } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/get-prisma";
import type { InspectedTool } from "@/lib/mcp/inspect-server";

export type ToolSyncCounts = {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  total: number;
};

/**
 * Makes a server's stored tools match what it listed: new names are added, changed definitions rewritten, names no
 * longer listed deleted. Run it inside the transaction that records the refresh. `keepMissing` is for a listing that
 * was cut short, where a missing name proves nothing.
 */
export async function syncServerTools(
  tx: DbTx,
  options: { serverId: string; tools: InspectedTool[]; keepMissing?: boolean },
): Promise<ToolSyncCounts> {
  const { serverId } = options;
  const now = new Date();
  // A server that lists one name twice is broken, but the first definition is the one a client would see.
  const listed = new Map<string, InspectedTool>();
  for (const tool of options.tools) if (!listed.has(tool.name)) listed.set(tool.name, tool);

  const stored = await tx.tool.findMany({ where: { serverId } });
  const storedByName = new Map(stored.map((tool) => [tool.name, tool]));

  const added = [...listed.values()].filter((tool) => !storedByName.has(tool.name));
  const changed: InspectedTool[] = [];
  const unchanged: string[] = [];
  for (const tool of listed.values()) {
    const before = storedByName.get(tool.name);
    if (!before) continue;
    if (fingerprint(toColumns(tool)) === fingerprint(before)) unchanged.push(tool.name);
    else changed.push(tool);
  }
  const missing = options.keepMissing
    ? []
    : stored.filter((tool) => !listed.has(tool.name)).map((t) => t.name);

  if (added.length > 0) {
    await tx.tool.createMany({
      data: added.map((tool) => ({ serverId, name: tool.name, refreshedAt: now, ...toColumns(tool) })),
    });
  }
  for (const tool of changed) {
    await tx.tool.update({
      where: { serverId_name: { serverId, name: tool.name } },
      data: { ...toColumns(tool), refreshedAt: now },
    });
  }
  if (unchanged.length > 0) {
    await tx.tool.updateMany({ where: { serverId, name: { in: unchanged } }, data: { refreshedAt: now } });
  }
  if (missing.length > 0) await tx.tool.deleteMany({ where: { serverId, name: { in: missing } } });
  // Gateway calls read tool hints through a short-lived cache; this instance sees the new ones at once.
  if (added.length + changed.length + missing.length > 0) forgetLookups("tools");

  return {
    added: added.length,
    changed: changed.length,
    unchanged: unchanged.length,
    removed: missing.length,
    total: listed.size + (options.keepMissing ? stored.filter((t) => !listed.has(t.name)).length : 0),
  };
}

function toColumns(tool: InspectedTool) {
  return {
    title: tool.title ?? null,
    description: tool.description ?? null,
    inputSchema: tool.inputSchema as Prisma.InputJsonObject,
    // DbNull, not undefined: a schema or annotations the server dropped must be cleared, not kept.
    outputSchema: (tool.outputSchema as Prisma.InputJsonObject | undefined) ?? Prisma.DbNull,
    annotations: (tool.annotations as Prisma.InputJsonObject | undefined) ?? Prisma.DbNull,
  };
}

type Comparable = {
  title: string | null;
  description: string | null;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: unknown;
};

// Postgres jsonb does not keep key order, so definitions are compared in a key-sorted form.
function fingerprint(tool: Comparable): string {
  const isNull = (v: unknown) => v === null || v === Prisma.DbNull;
  return canonical({
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    outputSchema: isNull(tool.outputSchema) ? null : tool.outputSchema,
    annotations: isNull(tool.annotations) ? null : tool.annotations,
  });
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
