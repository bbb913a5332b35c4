import type { Actor } from "@/lib/auth/roles";
import { forgetLookups } from "@/lib/cache/create-lookup-cache";
import { Prisma } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/get-prisma";
import type { InspectedTool } from "@/lib/mcp/inspect-server";
import { recordToolVersion, type ToolVersionChange } from "@/lib/tools/record-tool-version";
import { type ToolState, toToolState } from "@/lib/tools/tool-state";

export type ToolSyncCounts = {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  total: number;
};

/**
 * Makes a server's stored tools match what it listed: new names are added, changed definitions rewritten, names no
 * longer listed marked deleted (soft: their overrides and history stay, and they come back when listed again), each
 * change recorded as a ToolVersion. A tool an admin deleted stays deleted, its definition kept current. Run it inside
 * the transaction that records the refresh. `keepMissing` is for a listing that was cut short, where a missing name
 * proves nothing.
 */
export async function syncServerTools(
  tx: DbTx,
  options: { serverId: string; tools: InspectedTool[]; keepMissing?: boolean; actor?: Actor },
): Promise<ToolSyncCounts> {
  const { serverId, actor } = options;
  const now = new Date();
  // A server that lists one name twice is broken, but the first definition is the one a client would see.
  const listed = new Map<string, InspectedTool>();
  for (const tool of options.tools) if (!listed.has(tool.name)) listed.set(tool.name, tool);

  const stored = await tx.tool.findMany({ where: { serverId } });
  const storedByName = new Map(stored.map((tool) => [tool.name, tool]));
  const version = (toolId: string, change: ToolVersionChange, before: ToolState | null, after: ToolState) =>
    recordToolVersion(tx, { toolId, source: "upstream", change, actor, before, after });

  const added = [...listed.values()].filter((tool) => !storedByName.has(tool.name));
  let changed = 0;
  let returned = 0;
  const unchanged: string[] = [];
  for (const tool of listed.values()) {
    const before = storedByName.get(tool.name);
    if (!before) continue;
    const same = fingerprint(toColumns(tool)) === fingerprint(before);
    // Back from an upstream deletion; an admin's deletion is only undone by an admin.
    const comesBack = before.deletedBy === "upstream";
    if (same && !comesBack) {
      unchanged.push(tool.name);
      continue;
    }
    const after = await tx.tool.update({
      where: { id: before.id },
      data: {
        ...toColumns(tool),
        refreshedAt: now,
        ...(comesBack ? { deletedAt: null, deletedBy: null } : {}),
      },
    });
    await version(before.id, comesBack ? "restored" : "changed", toToolState(before), toToolState(after));
    if (comesBack) returned++;
    else if (!before.deletedAt) changed++;
  }
  const missing = options.keepMissing
    ? []
    : stored.filter((tool) => !listed.has(tool.name) && !tool.deletedAt);

  if (added.length > 0) {
    const created = await tx.tool.createManyAndReturn({
      data: added.map((tool) => ({ serverId, name: tool.name, refreshedAt: now, ...toColumns(tool) })),
    });
    for (const tool of created) await version(tool.id, "created", null, toToolState(tool));
  }
  if (unchanged.length > 0) {
    await tx.tool.updateMany({ where: { serverId, name: { in: unchanged } }, data: { refreshedAt: now } });
  }
  for (const before of missing) {
    const after = await tx.tool.update({
      where: { id: before.id },
      data: { deletedAt: now, deletedBy: "upstream" },
    });
    await version(before.id, "deleted", toToolState(before), toToolState(after));
  }
  // Gateway calls read tool hints through a short-lived cache; this instance sees the new ones at once.
  if (added.length + returned + changed + missing.length > 0) forgetLookups("tools");

  const kept = options.keepMissing ? stored.filter((t) => !listed.has(t.name) && !t.deletedAt).length : 0;
  return {
    added: added.length + returned,
    changed,
    unchanged: unchanged.length,
    removed: missing.length,
    total: listed.size + kept,
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
