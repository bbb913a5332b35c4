import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { CircuitBreaker, CircuitPolicy } from "@/lib/resilience/circuit-breaker";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { checkAndRecordReplica, type ReplicaCheckOutcome } from "./check-and-record-replica";
import { loadHealthTarget } from "./load-health-target";

/**
 * "Check now": checks every replica of one server at once, outside the worker's schedule, stores the verdicts as
 * the worker would (the next scheduled check counts from now) and audits who asked. Operator-only: the check sends
 * the stored credentials. A disabled server is refused: enabled is the operator's decision and is never probed
 * around; "Test connection" is for trying a server before enabling it.
 */
export async function checkServerHealth(options: {
  actor: Actor;
  serverId: string;
  ip?: string;
  breaker?: CircuitBreaker;
  circuit?: CircuitPolicy;
}): Promise<ReplicaCheckOutcome[]> {
  assertRole(options.actor, "operator");
  const prisma = getPrisma();
  const server = await prisma.server.findUnique({
    where: { id: options.serverId },
    select: { id: true, slug: true, enabled: true, endpoints: { orderBy: { position: "asc" } } },
  });
  if (!server) throw new AppError("not_found", "No such server.");
  const target = server.enabled ? await loadHealthTarget(server.id) : null;
  if (!target)
    throw new AppError("unavailable", `Server ${server.slug} is disabled; enable it to check its health.`);

  const breaker = options.breaker ?? getToolCallDeps().breaker;
  const outcomes = await Promise.all(
    server.endpoints.map((endpoint) =>
      checkAndRecordReplica({ target, endpoint, breaker, circuit: options.circuit, touchCheckedAt: true }),
    ),
  );
  const checked = outcomes.filter((o): o is ReplicaCheckOutcome => o !== null);
  await recordAudit(prisma, {
    actor: options.actor,
    action: "server.check_health",
    targetType: "server",
    targetId: server.id,
    details: {
      slug: server.slug,
      replicas: checked.map((o) => ({ replica: o.replica, status: o.status, latencyMs: o.latencyMs })),
    },
    ip: options.ip,
  });
  return checked;
}
