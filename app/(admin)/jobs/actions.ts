"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { startJob } from "@/lib/jobs/start-job";
import { startJobInput, toJobInput } from "@/lib/jobs/start-job-input-schema";

// The same body the API takes, so the page and a script start jobs alike.
export const startJobAction = authorizedAction("operator", startJobInput, async (body, { actor }) => {
  const started = await startJob({
    createdBy: `user:${actor.id}`,
    playbook: body.playbook,
    agent: body.agent,
    input: toJobInput(body),
  });
  revalidatePath("/jobs");
  return started;
});

export const cancelJobAction = authorizedAction(
  "operator",
  z.object({ jobId: z.string().min(1).max(64) }),
  async ({ jobId }) => {
    const job = await cancelJob(jobId);
    revalidatePath("/jobs");
    return { status: job.status };
  },
);
