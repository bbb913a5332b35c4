import { randomUUID } from "node:crypto";
import { mcpErrorResponse } from "@/lib/gateway/mcp-error-response";
import { relayMcpRequest } from "@/lib/gateway/relay-mcp-request";
import { withRequestContext } from "@/lib/telemetry/request-context";

export const dynamic = "force-dynamic";

// The passthrough MCP endpoint. Everything is decided in relayMcpRequest; this names the request and turns a refusal
// into a JSON-RPC error with the matching HTTP status (401 key, 403 scope or host, 404 session, 429 limit).
async function handle(request: Request, context: { params: Promise<{ server: string }> }): Promise<Response> {
  const requestId = randomUUID();
  try {
    const { server } = await context.params;
    // Log lines and trace spans inside carry the request id (see withRequestContext).
    return await withRequestContext(requestId, () =>
      relayMcpRequest({ serverSlug: server, request, requestId }),
    );
  } catch (error) {
    return mcpErrorResponse(error, requestId, "MCP relay");
  }
}

export { handle as DELETE, handle as GET, handle as POST };
