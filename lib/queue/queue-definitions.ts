import type PgBoss from "pg-boss";
import { DELIVERY_LOCK_MS } from "@/lib/webhooks/processing/delivery-claim";

/** Carries `{ jobId }` for every job kind; the Job row says what to run. */
export const JOBS_QUEUE = "orbit-jobs";
/** Where pg-boss puts a job once its retries are spent (its worker kept dying): the Job row is failed from there. */
export const LOST_JOBS_QUEUE = "orbit-jobs-lost";
/** `{ deliveryId }`: an async delivery, or a retry, due from the entry's start time. */
export const DELIVERIES_QUEUE = "orbit-deliveries";
/** `{ endpointId, serverId, url }`: one replica's active health check, claimed when it fell due. */
export const HEALTH_CHECKS_QUEUE = "orbit-health-checks";
/** `{ serverId }`: one server's periodic tool refresh, claimed when it fell due. */
export const TOOL_REFRESHES_QUEUE = "orbit-tool-refreshes";
/** `{}`: the periodic pass that queues due health checks and tool refreshes and re-queues stranded deliveries. */
export const TICK_QUEUE = "orbit-tick";

/**
 * Every queue and its policy. What an entry points at is always a row with its own state (Delivery, Job,
 * ServerEndpoint, Server), so an entry offered twice is harmless: the row's claim lets one processor through. pg-boss's
 * own retries only cover a processor that died or threw before recording anything.
 */
export const QUEUE_DEFINITIONS: PgBoss.Queue[] = [
  { name: LOST_JOBS_QUEUE, retryLimit: 5, retryDelay: 5 },
  // Retries of a job only happen when its worker was lost; expiry is set per entry (the job's timeout + grace).
  { name: JOBS_QUEUE, retryLimit: 2, retryDelay: 2, deadLetter: LOST_JOBS_QUEUE },
  {
    name: DELIVERIES_QUEUE,
    // "short": one waiting entry per singleton key (the delivery id), so the sweep re-queuing a delivery that is
    // already waiting adds nothing; a retry can still be queued while the failing attempt's entry is active.
    policy: "short",
    // The attempt gives up before its claim's lock ends; the entry expires a little after that.
    expireInSeconds: DELIVERY_LOCK_MS / 1000 + 30,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
  },
  // A check missed is made at the next interval anyway: no retries, short expiry.
  { name: HEALTH_CHECKS_QUEUE, policy: "short", expireInSeconds: 120, retryLimit: 0 },
  { name: TOOL_REFRESHES_QUEUE, policy: "short", expireInSeconds: 300, retryLimit: 0 },
  // "stately": at most one tick waiting and one running across every worker, however many propose one.
  { name: TICK_QUEUE, policy: "stately", expireInSeconds: 120, retryLimit: 0 },
];
