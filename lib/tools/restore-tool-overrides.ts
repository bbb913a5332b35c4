import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Tool } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { changeTool } from "./change-tool";
import type { ToolOverrides } from "./tool-state";

/**
 * Puts back the overrides a tool had in one of its earlier versions, recorded as a new version (history is never
 * rewritten). The definition is the upstream's and is not touched.
 */
export async function restoreToolOverrides(options: {
  actor: Actor;
  versionId: string;
  ip?: string;
}): Promise<Tool> {
  assertRole(options.actor, "operator");
  const version = await getPrisma().toolVersion.findUnique({ where: { id: options.versionId } });
  if (!version) throw new AppError("not_found", "No such tool version.");
  const overrides = version.overrides as ToolOverrides;
  return changeTool({
    actor: options.actor,
    toolId: version.toolId,
    ip: options.ip,
    change: "overrides",
    action: "tool.restore_overrides",
    update: () => ({
      enabled: overrides.enabled,
      descriptionOverride: overrides.descriptionOverride,
      cacheTtlSeconds: overrides.cacheTtlSeconds,
      retryOverride: overrides.retryOverride,
    }),
    details: () => ({ versionId: version.id }),
  });
}
