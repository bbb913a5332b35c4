import { claimDueHealthChecks } from "@/lib/health/claim-due-health-checks";
import { claimDueToolRefreshes } from "@/lib/health/claim-due-tool-refreshes";
import type { Queue } from "@/lib/queue/create-queue";
import { HEALTH_CHECKS_QUEUE, TOOL_REFRESHES_QUEUE } from "@/lib/queue/queue-definitions";
import { requeueStrandedDeliveries } from "@/lib/webhooks/processing/requeue-stranded-deliveries";

/** Claims per tick: more fall due only with thousands of replicas, and the next tick takes the rest. */
const CLAIM_LIMIT = 500;

export type DueWork = { healthChecks: number; toolRefreshes: number; strandedDeliveries: number };

/**
 * One tick (an entry of the tick queue, run by one worker at a time): claims the replicas whose health check and the
 * servers whose tool refresh fell due and queues one entry for each, which every worker's consumers then share; and
 * re-queues deliveries the queue lost track of. A claim moves the row's due time, so a tick that dies after
 * claiming only skips those rows until their next interval; it never checks a replica twice in one.
 */
export async function queueDueWork(
  queue: Queue,
  options: {
    healthIntervalMs: number;
    toolsIntervalMs: number;
    /** Only these servers and integrations (tests, which share one database). */
    only?: { serverIds: string[]; integrationIds: string[] };
  },
): Promise<DueWork> {
  const checks = await claimDueHealthChecks({
    intervalMs: options.healthIntervalMs,
    limit: CLAIM_LIMIT,
    serverIds: options.only?.serverIds,
  });
  await queueEach(
    queue,
    HEALTH_CHECKS_QUEUE,
    checks.map(({ endpointId, serverId, url }) => ({ key: endpointId, data: { endpointId, serverId, url } })),
  );
  const refreshes = await claimDueToolRefreshes({
    intervalMs: options.toolsIntervalMs,
    limit: CLAIM_LIMIT,
    serverIds: options.only?.serverIds,
  });
  await queueEach(
    queue,
    TOOL_REFRESHES_QUEUE,
    refreshes.map((claim) => ({ key: claim.serverId, data: claim })),
  );
  const strandedDeliveries = await requeueStrandedDeliveries({
    integrationIds: options.only?.integrationIds,
  });
  return { healthChecks: checks.length, toolRefreshes: refreshes.length, strandedDeliveries };
}

// One entry per claim, keyed so a claim already waiting in the queue is not added twice.
async function queueEach(queue: Queue, name: string, claims: { key: string; data: object }[]): Promise<void> {
  if (claims.length === 0) return;
  await queue.insert(claims.map(({ key, data }) => ({ name, data, singletonKey: key })));
}
