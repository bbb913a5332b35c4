import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { authenticateRestCaller } from "@/lib/rest/authenticate-rest-caller";
import { listRestServers } from "@/lib/rest/list-rest-servers";

export const dynamic = "force-dynamic";

// The servers an API key may use, with health and tool counts (REST facade of the older gateway API).
export async function GET(request: Request) {
  const requestId = randomUUID();
  try {
    const actor = await authenticateRestCaller(request.headers);
    const servers = await listRestServers({ actor });
    return Response.json({ servers }, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
