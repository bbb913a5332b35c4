import { z } from "zod";
import type { IntegrationRoute } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors/app-error";
import { startJob } from "@/lib/jobs/start-job";
import type { StoredToolResult } from "./delivery-outcome";

// A route's `jobConfig` for actionType "start_job": the playbook (slug or id) to run with the delivery's payload.
const jobConfigSchema = z.object({ playbook: z.string().trim().min(1) });

type Started =
  | { status: "succeeded"; result: StoredToolResult }
  | { status: "failed"; errorCode: string; errorMessage: string };

/**
 * A "start_job" route's action: queue the route's playbook with the payload as the job's input (the playbook reads
 * it as `payload`, and `input` is its JSON text). The delivery succeeds once the job is queued — the job's own
 * outcome is the job's, on the jobs page — and its result names the job. A route without a playbook, or with one
 * that no longer exists, fails the delivery (not retried: retrying cannot make it appear); a queue that is down is
 * an error the delivery's retry schedule deals with.
 */
export async function startDeliveryJob(input: {
  deliveryId: string;
  route: IntegrationRoute;
  payload: unknown;
}): Promise<Started> {
  const config = jobConfigSchema.safeParse(input.route.jobConfig);
  if (!config.success) {
    return {
      status: "failed",
      errorCode: "unprocessable",
      errorMessage: `Route "${input.route.name}" starts a job but names no playbook (jobConfig.playbook).`,
    };
  }
  try {
    const started = await startJob({
      createdBy: `delivery:${input.deliveryId}`,
      playbook: config.data.playbook,
      input: { shape: "webhook", text: JSON.stringify(input.payload), payload: input.payload },
      deliveryId: input.deliveryId,
    });
    return {
      status: "succeeded",
      result: {
        content: [{ type: "text", text: `Job ${started.jobId} queued.` }],
        structuredContent: started,
        isError: false,
      },
    };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") {
      return { status: "failed", errorCode: "not_found", errorMessage: error.message };
    }
    throw error;
  }
}
