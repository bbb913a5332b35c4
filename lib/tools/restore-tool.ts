import type { Actor } from "@/lib/auth/roles";
import type { Tool } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { changeTool } from "./change-tool";

/**
 * Undoes a soft delete. A tool the upstream no longer lists comes back into the registry with its last definition;
 * the next refresh marks it deleted again if the upstream still does not list it.
 */
export function restoreTool(options: { actor: Actor; toolId: string; ip?: string }): Promise<Tool> {
  return changeTool({
    ...options,
    change: "restored",
    action: "tool.restore",
    update: (tool) => {
      if (!tool.deletedAt) throw new AppError("conflict", "This tool is not deleted.");
      return { deletedAt: null, deletedBy: null };
    },
  });
}
