import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { eventStreamResponse } from "@/lib/http/event-stream-response";
import { authenticateJobsCaller } from "@/lib/jobs/authenticate-jobs-caller";
import { getJobView } from "@/lib/jobs/get-job-view";
import { openJobEventStream } from "@/lib/jobs/open-job-event-stream";
import { parseAfterSeq } from "@/lib/jobs/parse-after-seq";

export const dynamic = "force-dynamic";

/** GET /api/v1/jobs/{id}/events: the job's events as SSE; resumes after Last-Event-ID (or ?after=). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestId = randomUUID();
  try {
    await authenticateJobsCaller(request, "viewer");
    const afterSeq = parseAfterSeq(request);
    const { jobId } = await getJobView((await params).id);
    return eventStreamResponse(openJobEventStream({ jobId, afterSeq, signal: request.signal }), requestId);
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
