import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { authenticateJobsCaller } from "@/lib/jobs/authenticate-jobs-caller";
import { getJobView } from "@/lib/jobs/get-job-view";

export const dynamic = "force-dynamic";

/** GET /api/v1/jobs/{id}: the job's status, input, result or error. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = randomUUID();
  try {
    await authenticateJobsCaller(request, "viewer");
    const job = await getJobView((await params).id);
    return Response.json(job, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
