import { z } from "zod";
import type { IntegrationRoute } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { startJob } from "@/lib/jobs/start-job";
import type { StoredToolResult } from "./delivery-outcome";

// A route's `jobConfig` for actionType "start_job" (lib/integrations/write-routes.ts writes it): the playbook or the
// agent (slug or id) to run with the delivery's payload.
const target = z.string().trim().min(1);
const jobConfigSchema = z.union([
  z.strictObject({ playbook: target }).transform(({ playbook }) => ({ playbook, agent: undefined })),
  z.strictObject({ agent: target }).transform(({ agent }) => ({ agent, playbook: undefined })),
]);

type Started =
  | { status: "succeeded"; result: StoredToolResult }
  | { status: "failed"; errorCode: string; errorMessage: string };

/**
 * A "start_job" route's action: queue the route's playbook or agent with the payload as the job's input (a playbook
 * reads it as `payload`, and `input` is its JSON text, which is also what an agent gets as its prompt). The delivery
 * succeeds once the job is queued — the job's own outcome is the job's, on the jobs page — and its result names the
 * job. A route naming neither, or one that no longer exists, or an agent while agents are off, fails the delivery
 * (not retried: retrying cannot fix configuration); a queue that is down is an error the delivery's retry schedule
 * deals with.
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
      errorMessage: `Route "${input.route.name}" starts a job but names no playbook or agent (jobConfig).`,
    };
  }
  // Checked here rather than caught: startJob's "unavailable" is also a queue that is down, which is worth a retry.
  if (config.data.agent !== undefined && !getEnv().agent) {
    return {
      status: "failed",
      errorCode: "unavailable",
      errorMessage: `Route "${input.route.name}" starts an agent, but LLM agents are off (set OPENAI_BASE_URL and OPENAI_API_KEY).`,
    };
  }
  try {
    const started = await startJob({
      createdBy: `delivery:${input.deliveryId}`,
      playbook: config.data.playbook,
      agent: config.data.agent,
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
      return { status: "failed", errorCode: error.code, errorMessage: error.message };
    }
    throw error;
  }
}
