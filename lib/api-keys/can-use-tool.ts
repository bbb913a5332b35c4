import { AppError } from "@/lib/errors/app-error";
import type { ApiKeyPrincipal } from "./api-key-principal";
import { canUseServer } from "./can-use-server";
import { matchesToolPattern } from "./matches-tool-pattern";

/** Whether the key may list and call this tool: the server is in reach, no deny pattern matches, and the allow list
 * is empty or matches. Pure, so the gateway can filter tools/list with it for every tool without a query. */
export function canUseTool(principal: ApiKeyPrincipal, serverSlug: string, toolName: string): boolean {
  if (!canUseServer(principal, serverSlug)) return false;
  if (principal.deniedTools.some((pattern) => matchesToolPattern(pattern, serverSlug, toolName)))
    return false;
  return (
    principal.allowedTools.length === 0 ||
    principal.allowedTools.some((pattern) => matchesToolPattern(pattern, serverSlug, toolName))
  );
}

/** 403 when the key may not call the tool. The message names only what the caller asked for. */
export function assertCanUseTool(principal: ApiKeyPrincipal, serverSlug: string, toolName: string): void {
  if (!canUseTool(principal, serverSlug, toolName)) {
    throw new AppError("forbidden", `This API key may not use the tool "${toolName}" on "${serverSlug}".`);
  }
}
