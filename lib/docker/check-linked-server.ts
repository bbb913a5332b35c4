import { getPrisma } from "@/lib/db/get-prisma";
import { checkAndRecordReplica, type ReplicaCheckOutcome } from "@/lib/health/check-and-record-replica";
import { loadHealthTarget } from "@/lib/health/load-health-target";
import type { CircuitBreaker } from "@/lib/resilience/circuit-breaker";

export type LinkedServerHealth = {
  serverId: string;
  slug: string;
  healthy: number;
  total: number;
  /** Every replica unreachable or in error (an `unauthorized` answer is a credentials problem, not ill health). */
  failing: boolean;
  /** The first failing replica's error, for the history. */
  error: string | null;
};

/**
 * Checks every replica of the server a container is linked to (label `orbit.server=<slug>`) right now, the way the
 * health loop does, and stores the verdicts: a healthy check is also the probe that closes an open circuit, so a
 * server whose container was just restarted takes calls again at once instead of at the next interval. Null when
 * no enabled server has that slug (disabled servers are never checked).
 */
export async function checkLinkedServer(options: {
  serverSlug: string;
  breaker: CircuitBreaker;
}): Promise<LinkedServerHealth | null> {
  const server = await getPrisma().server.findUnique({
    where: { slug: options.serverSlug },
    select: { id: true, slug: true, enabled: true, endpoints: { select: { id: true, url: true } } },
  });
  if (!server?.enabled || server.endpoints.length === 0) return null;
  const target = await loadHealthTarget(server.id);
  if (!target) return null;
  const outcomes = (
    await Promise.all(
      server.endpoints.map((endpoint) =>
        checkAndRecordReplica({ target, endpoint, breaker: options.breaker, touchCheckedAt: true }),
      ),
    )
  ).filter((o): o is ReplicaCheckOutcome => o !== null);
  const healthy = outcomes.filter((o) => o.status === "healthy").length;
  const failing =
    outcomes.length > 0 && outcomes.every((o) => o.status === "unreachable" || o.status === "error");
  return {
    serverId: server.id,
    slug: server.slug,
    healthy,
    total: outcomes.length,
    failing,
    error: outcomes.find((o) => o.error)?.error ?? null,
  };
}
