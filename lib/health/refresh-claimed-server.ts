import { refreshServerTools } from "@/lib/servers/refresh-server-tools";
import type { ToolSyncCounts } from "@/lib/servers/sync-server-tools";
import type { ToolRefreshClaim } from "./claim-due-tool-refreshes";

export type ToolRefreshOutcome =
  | { serverId: string; slug: string; ok: true; tools: ToolSyncCounts }
  | { serverId: string; slug: string; ok: false; error: string };

/**
 * The periodic refresh of one claimed server (an entry of the tool-refresh queue), through refreshServerTools (the
 * operator's "Refresh tools", as the system), from a replica the last health check found healthy when there is one.
 * A refresh that changed the tools is announced to federated sessions (refreshServerTools publishes it). A failed
 * refresh changes nothing stored and is tried again an interval later; it is reported, never thrown.
 */
export async function refreshClaimedServer(
  claim: ToolRefreshClaim,
  logLine: (line: string) => void = console.log,
): Promise<ToolRefreshOutcome> {
  const { serverId, slug } = claim;
  try {
    const { tools } = await refreshServerTools({
      actor: { kind: "system" },
      serverId,
      ...(claim.healthyUrl ? { url: claim.healthyUrl } : {}),
    });
    if (tools.added + tools.changed + tools.removed > 0) {
      logLine(JSON.stringify({ level: "info", msg: "server tools changed", server: slug, ...tools }));
    }
    return { serverId, slug, ok: true, tools };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logLine(JSON.stringify({ level: "warn", msg: "tool refresh failed", server: slug, error: message }));
    return { serverId, slug, ok: false, error: message };
  }
}
