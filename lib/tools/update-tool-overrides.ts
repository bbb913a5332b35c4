import type { Actor } from "@/lib/auth/roles";
import type { Tool } from "@/lib/db/generated/client";
import { changeTool } from "./change-tool";
import type { ToolOverridesValues } from "./tool-overrides-schema";

/** Saves an operator's overrides of a tool (enabled, description, cache TTL, retry policy) as a new version. */
export function updateToolOverrides(options: {
  actor: Actor;
  overrides: ToolOverridesValues;
  ip?: string;
}): Promise<Tool> {
  const { toolId, ...overrides } = options.overrides;
  return changeTool({
    actor: options.actor,
    toolId,
    ip: options.ip,
    change: "overrides",
    action: "tool.update_overrides",
    update: () => overrides,
    details: () => overrides,
  });
}
