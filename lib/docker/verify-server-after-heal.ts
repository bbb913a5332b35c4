import { getPrisma } from "@/lib/db/get-prisma";
import { checkLinkedServer } from "./check-linked-server";
import { recordContainerEvent } from "./record-container-event";
import { later, type WatcherContext } from "./watcher-context";

// A restarted MCP server needs a moment to listen again: check after 1, 2, 4, 8 and 16 s, stop at the first success.
const DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];

/**
 * After the healer restarted a container linked to an MCP server, checks the server until a replica answers, so its
 * circuits close and the server pages show it healthy within seconds rather than at the next health interval, and
 * notes the outcome in the container's history. Orbit never disables a server on its own, so nothing needs enabling.
 */
export function verifyServerAfterHeal(
  context: WatcherContext,
  target: { containerId: string; serverSlug: string },
  attempt = 0,
): void {
  later(context, DELAYS_MS[attempt] ?? 0, async () => {
    const server = await checkLinkedServer({ serverSlug: target.serverSlug, breaker: context.breaker });
    if (!server) return;
    if (server.healthy > 0) {
      await recordContainerEvent(getPrisma(), {
        containerId: target.containerId,
        source: "healer",
        kind: "server_recovered",
        message: `Server ${server.slug} answers again: ${server.healthy} of ${server.total} replicas healthy.`,
        details: { serverId: server.serverId, healthy: server.healthy, total: server.total },
      });
      return;
    }
    if (attempt + 1 < DELAYS_MS.length) {
      verifyServerAfterHeal(context, target, attempt + 1);
      return;
    }
    await recordContainerEvent(getPrisma(), {
      containerId: target.containerId,
      source: "healer",
      kind: "server_still_failing",
      level: "warn",
      message: `Server ${server.slug} still fails its health checks 30 s after the restart${server.error ? `: ${server.error}` : ""}.`,
      details: { serverId: server.serverId },
    });
  });
}
