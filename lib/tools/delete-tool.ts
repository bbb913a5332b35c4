import type { Actor } from "@/lib/auth/roles";
import type { Tool } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { changeTool } from "./change-tool";

/**
 * Soft-deletes a tool: it leaves every tools/list the registry answers and its history and overrides stay, so it can
 * be restored. Unlike a tool the upstream stopped listing, it stays deleted when a refresh lists it again.
 */
export function deleteTool(options: { actor: Actor; toolId: string; ip?: string }): Promise<Tool> {
  return changeTool({
    ...options,
    change: "deleted",
    action: "tool.delete",
    update: (tool) => {
      if (tool.deletedBy === "admin") throw new AppError("conflict", "This tool is already deleted.");
      return { deletedAt: tool.deletedAt ?? new Date(), deletedBy: "admin" };
    },
  });
}
