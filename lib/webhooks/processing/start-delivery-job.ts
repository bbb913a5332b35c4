import type { IntegrationRoute } from "@/lib/db/generated/client";

/**
 * The seam for routes whose action is "start_job". The job queue arrives with the worker issue; until then such a
 * delivery fails visibly (terminal, not retried: retrying cannot make a missing feature appear) instead of being
 * silently dropped. Replace the body with: enqueue the job from `route.jobConfig` and the event, return "succeeded"
 * with the job id as the result.
 */
export async function startDeliveryJob(_input: {
  deliveryId: string;
  route: IntegrationRoute;
  payload: unknown;
}): Promise<{ status: "failed"; errorCode: string; errorMessage: string }> {
  return {
    status: "failed",
    errorCode: "not_implemented",
    errorMessage:
      "Routes that start a job are not available yet; this delivery can be replayed once they are.",
  };
}
