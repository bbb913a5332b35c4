import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/error-response";
import { answerRestMcpRequest } from "@/lib/rest/answer-rest-mcp-request";
import { authenticateRestCaller } from "@/lib/rest/authenticate-rest-caller";
import { withRequestContext } from "@/lib/telemetry/request-context";

export const dynamic = "force-dynamic";

// The REST facade of the older gateway API: {"method":"list_tools"|"call_tool","params":{…}} in,
// {"result","backend","response_time","cached"} out, the error envelope otherwise; the request id in a header.
export async function POST(request: Request, context: { params: Promise<{ server: string }> }) {
  const requestId = randomUUID();
  try {
    const actor = await authenticateRestCaller(request.headers);
    const { server } = await context.params;
    const answer = await withRequestContext(requestId, () =>
      answerRestMcpRequest({ actor, serverSlug: server, request, requestId }),
    );
    return Response.json(answer, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
