import { type Actor, actorLabel } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/get-prisma";
import { diffToolState } from "./diff-tool-state";
import type { ToolState } from "./tool-state";

export type ToolVersionSource = "upstream" | "admin";
export type ToolVersionChange = "created" | "changed" | "overrides" | "deleted" | "restored";

/**
 * Appends a version to a tool's history: the state after the change and its diff from the state before (none for
 * the first). Pass the transaction that makes the change so both land or neither does. An upstream refresh run by
 * the worker has no user behind it and is labelled "upstream".
 */
export async function recordToolVersion(
  tx: DbTx,
  entry: {
    toolId: string;
    source: ToolVersionSource;
    change: ToolVersionChange;
    actor?: Actor;
    before: ToolState | null;
    after: ToolState;
  },
): Promise<void> {
  const { actor } = entry;
  await tx.toolVersion.create({
    data: {
      toolId: entry.toolId,
      source: entry.source,
      change: entry.change,
      actorId: actor?.kind === "user" ? actor.id : null,
      actorLabel: actor && actor.kind !== "system" ? actorLabel(actor) : entry.source,
      definition: entry.after.definition as Prisma.InputJsonObject,
      overrides: entry.after.overrides as Prisma.InputJsonObject,
      diff: diffToolState(entry.before, entry.after) as unknown as Prisma.InputJsonArray,
    },
  });
}
