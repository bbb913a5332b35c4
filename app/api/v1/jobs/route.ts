import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { authenticateJobsCaller } from "@/lib/jobs/authenticate-jobs-caller";
import { startJob } from "@/lib/jobs/start-job";
import { startJobInput, toJobInput } from "@/lib/jobs/start-job-input-schema";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

/** POST /api/v1/jobs: start a playbook or agent job → 202 {jobId, status: "queued", streamUrl}. */
export async function POST(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const createdBy = await authenticateJobsCaller(request, "operator");
    const body = startJobInput.parse(await readJsonBody(request, MAX_BODY_BYTES));
    const started = await startJob({
      createdBy,
      playbook: body.playbook,
      agent: body.agent,
      input: toJobInput(body),
    });
    return Response.json(started, {
      status: 202,
      headers: { "x-request-id": requestId, location: `/api/v1/jobs/${started.jobId}` },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
