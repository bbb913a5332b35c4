import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { openHeaders } from "@/lib/servers/open-headers";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

/**
 * The registered server behind /api/mcp/{server}, as the relay needs it. Unknown → 404; disabled → 503 (it exists,
 * and says so, to a caller whose key already names it); no endpoint or only the legacy SSE transport → 422.
 */
export async function loadGatewayServer(slug: string): Promise<ToolCallTarget> {
  const server = await getPrisma().server.findUnique({
    where: { slug },
    include: { endpoints: { orderBy: { position: "asc" } } },
  });
  if (!server) throw new AppError("not_found", `No MCP server "${slug}" is registered.`);
  if (!server.enabled) throw new AppError("unavailable", `The MCP server "${slug}" is disabled.`);
  if (server.endpoints.length === 0) {
    throw new AppError("unprocessable", `The MCP server "${slug}" has no endpoint.`);
  }
  if (server.transport !== "streamable_http") {
    // The passthrough relays Streamable HTTP as it is; an SSE-only server needs a protocol bridge.
    throw new AppError(
      "unprocessable",
      `The MCP server "${slug}" speaks only the older SSE transport, which the passthrough endpoint does not relay.`,
    );
  }
  return {
    serverId: server.id,
    slug: server.slug,
    replicas: server.endpoints.map((e) => ({ url: e.url, weight: e.weight })),
    transport: server.transport,
    headers: openHeaders(server.headersEncrypted),
    timeoutMs: server.timeoutMs,
  };
}
