import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { authenticateHistoryCaller } from "@/lib/requests/authenticate-history-caller";
import { exportRequests } from "@/lib/requests/export-requests";

export const dynamic = "force-dynamic";

// The filtered request history as a file: `?format=csv|json` plus the history page's own filters (q, status,
// source, integration, server, tool, key, range, from, to). Streamed; see lib/requests/export-requests.ts.
export async function GET(request: Request) {
  const requestId = randomUUID();
  try {
    const actor = await authenticateHistoryCaller(request);
    const params = new URL(request.url).searchParams;
    const query = Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
    const { format, ...filters } = query;
    const file = exportRequests({ actor, format: format?.[0], filters });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
