import { refreshServerTools } from "@/lib/servers/refresh-server-tools";
import type { ToolSyncCounts } from "@/lib/servers/sync-server-tools";
import { claimDueToolRefreshes } from "./claim-due-tool-refreshes";

export type ToolRefreshOutcome =
  | { serverId: string; slug: string; ok: true; tools: ToolSyncCounts }
  | { serverId: string; slug: string; ok: false; error: string };

/**
 * One pass of the periodic tool refresh: claims due enabled servers one at a time and refreshes each through
 * refreshServerTools (the operator's "Refresh tools", as the system), from a replica the last health check found
 * healthy when there is one. A refresh that changed the tools is announced to federated sessions (refreshServerTools
 * publishes it). A failed refresh changes nothing stored and is retried an interval later. Rejects when
 * a claim fails (the database is away); stops claiming when `signal` aborts.
 */
export async function runToolsRefreshPass(options: {
  intervalMs: number;
  concurrency?: number;
  serverIds?: string[];
  signal?: AbortSignal;
  logLine?: (line: string) => void;
}): Promise<ToolRefreshOutcome[]> {
  const outcomes: ToolRefreshOutcome[] = [];
  const logLine = options.logLine ?? console.log;

  async function runner(): Promise<void> {
    while (!options.signal?.aborted) {
      const [claim] = await claimDueToolRefreshes({
        intervalMs: options.intervalMs,
        limit: 1,
        serverIds: options.serverIds,
      });
      if (!claim) return;
      const { serverId, slug } = claim;
      try {
        const { tools } = await refreshServerTools({
          actor: { kind: "system" },
          serverId,
          ...(claim.healthyUrl ? { url: claim.healthyUrl } : {}),
        });
        outcomes.push({ serverId, slug, ok: true, tools });
        if (tools.added + tools.changed + tools.removed > 0) {
          logLine(JSON.stringify({ level: "info", msg: "server tools changed", server: slug, ...tools }));
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcomes.push({ serverId, slug, ok: false, error: message });
        logLine(JSON.stringify({ level: "warn", msg: "tool refresh failed", server: slug, error: message }));
      }
    }
  }

  const settled = await Promise.allSettled(Array.from({ length: options.concurrency ?? 2 }, runner));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return outcomes;
}
