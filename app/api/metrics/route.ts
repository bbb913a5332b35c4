import { randomUUID } from "node:crypto";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { errorResponse } from "@/lib/http/error-response";
import { scrapeMetrics } from "@/lib/telemetry/scrape-metrics";

export const dynamic = "force-dynamic";

// Prometheus scrape target. Refusals (401 no or bad key, 403 no metrics scope) are JSON envelopes like every route;
// the success is the text exposition format.
export async function GET(request: Request) {
  const requestId = randomUUID();
  try {
    const actor = await authenticateApiKey(request.headers);
    const { body, contentType } = await scrapeMetrics({ actor });
    return new Response(body, {
      headers: { "content-type": contentType, "cache-control": "no-store", "x-request-id": requestId },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
