import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export const dynamic = "force-dynamic";

// Platform ingress. Everything that decides anything is in receiveWebhook; this only names the request and shapes
// the answer: the receipt as JSON, or the error envelope, both carrying the request id.
export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  const requestId = randomUUID();
  try {
    const { slug } = await context.params;
    const receipt = await receiveWebhook({ slug, request, requestId });
    const headers = new Headers({ "x-request-id": requestId });
    if (receipt.duplicate) headers.set("x-orbit-duplicate", "true");
    return Response.json({ ...receipt.body, requestId }, { status: receipt.status, headers });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
