import { getPrisma } from "@/lib/db/get-prisma";
import { checkLinkedServer } from "./check-linked-server";
import { scopeSql } from "./container-scope";
import { scheduleHeal } from "./schedule-heal";
import type { WatcherContext } from "./watcher-context";

/**
 * Heals containers whose MCP server fails its health checks (label `orbit.server=<slug>`): a running container is a
 * candidate when every replica of its (enabled) server was last found unreachable or in error by a check made after
 * the container last started, so a restart is always followed by a fresh verdict before another one is considered.
 * A candidate's server is checked once more, right now, before a restart is planned. The label alone opts a container
 * in to this; the heal label is for the container's own failures (exit, unhealthy, OOM).
 */
export async function runServerHealPass(
  context: WatcherContext,
  options: { graceMs: number },
): Promise<number> {
  // A server needs a moment to listen after its container starts; failures inside that grace are not held against it.
  const { graceMs } = options;
  const candidates = await getPrisma().$queryRaw<{ id: string; serverSlug: string }[]>`
    SELECT c.id, c."serverSlug" FROM "Container" c JOIN "Server" s ON s.slug = c."serverSlug"
    WHERE c."removedAt" IS NULL AND c.state = 'running' AND c."healState" = 'idle'
      AND c."startedAt" <= timezone('UTC', now()) - ${graceMs}::int * interval '1 millisecond'
      AND s.enabled
      AND EXISTS (SELECT 1 FROM "ServerEndpoint" e WHERE e."serverId" = s.id)
      AND NOT EXISTS (
        SELECT 1 FROM "ServerEndpoint" e WHERE e."serverId" = s.id
          AND (e."healthStatus" NOT IN ('unreachable', 'error') OR e."healthCheckedAt" IS NULL
            OR e."healthCheckedAt" <= c."startedAt"))
      ${scopeSql(context.scope)}`;
  let planned = 0;
  for (const candidate of candidates) {
    const server = await checkLinkedServer({ serverSlug: candidate.serverSlug, breaker: context.breaker });
    if (!server?.failing) continue;
    const outcome = await scheduleHeal({
      containerId: candidate.id,
      reason: "server_unhealthy",
      detail: `${server.slug}: ${server.error ?? "no replica answers"}`,
      policy: context.policy,
      alertWebhookUrl: context.alertWebhookUrl,
      log: context.logLine,
    });
    if (outcome.kind === "scheduled") planned++;
  }
  return planned;
}
