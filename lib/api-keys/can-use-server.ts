import { AppError } from "@/lib/errors/app-error";
import type { ApiKeyPrincipal } from "./api-key-principal";
import { patternCoversServer, patternNamesServer } from "./matches-tool-pattern";

/**
 * Whether the key may reach the server at all: its scopes must give it (`mcp` or `server:<slug>`), no deny pattern
 * may cover the whole server, and a non-empty allow list must name it. The last two make the tool lists a true
 * "virtual server": a key allowed only `github/*` does not see the other servers, even with the `mcp` scope.
 */
export function canUseServer(principal: ApiKeyPrincipal, serverSlug: string): boolean {
  if (!principal.scopes.includes("mcp") && !principal.scopes.includes(`server:${serverSlug}`)) return false;
  if (principal.deniedTools.some((pattern) => patternCoversServer(pattern, serverSlug))) return false;
  return (
    principal.allowedTools.length === 0 ||
    principal.allowedTools.some((pattern) => patternNamesServer(pattern, serverSlug))
  );
}

/** For the passthrough endpoint: 403 when the key may not reach the server. */
export function assertCanUseServer(principal: ApiKeyPrincipal, serverSlug: string): void {
  if (!canUseServer(principal, serverSlug)) {
    throw new AppError("forbidden", `This API key may not use the server "${serverSlug}".`);
  }
}
