import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { authenticateJobsCaller } from "@/lib/jobs/authenticate-jobs-caller";
import { cancelJob } from "@/lib/jobs/cancel-job";

export const dynamic = "force-dynamic";

/** POST /api/v1/jobs/{id}/cancel: a queued job ends at once; a running one when its worker aborts the step. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = randomUUID();
  try {
    await authenticateJobsCaller(request, "operator");
    const job = await cancelJob((await params).id);
    return Response.json(job, { status: 202, headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
