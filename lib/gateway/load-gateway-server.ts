import { createLookupCache, LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { openHeaders } from "@/lib/servers/open-headers";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

type ServerRow = {
  id: string;
  slug: string;
  enabled: boolean;
  /** The database spelling: "streamable-http" or "sse". */
  transport: string;
  headersEncrypted: string | null;
  timeoutMs: number;
  endpoints: { url: string; weight: number }[];
};

/**
 * The registered server behind /api/mcp/{server}, as the relay needs it. Unknown → 404; disabled → 503 (it exists,
 * and says so, to a caller whose key already names it); no endpoint or only the legacy SSE transport → 422.
 */
export async function loadGatewayServer(slug: string): Promise<ToolCallTarget> {
  const loaded = await serversBySlug.get(slug);
  if (loaded instanceof AppError) throw loaded;
  return loaded;
}

// Remembered briefly (see createLookupCache), refusals are not: a server enabled or created elsewhere answers at once.
// Changing a server here (update, enable/disable, delete: forgetLookups) forgets them on this instance; others follow within
// LOOKUP_TTL_MS. The headers are decrypted once per entry rather than once per request.
const serversBySlug = createLookupCache<string, ToolCallTarget | AppError>({
  name: "gatewayServersBySlug",
  groups: ["servers"],
  ttlMs: LOOKUP_TTL_MS,
  keep: (value) => !(value instanceof AppError),
  load: loadFromDatabase,
});

async function loadFromDatabase(slug: string): Promise<ToolCallTarget | AppError> {
  // One SQL round trip (server and its endpoints) rather than the query builder's two: this runs on every request.
  const rows = await getPrisma().$queryRaw<ServerRow[]>`
    SELECT s."id", s."slug", s."enabled", s."transport"::text AS "transport", s."headersEncrypted", s."timeoutMs",
      COALESCE(
        json_agg(json_build_object('url', e."url", 'weight', e."weight") ORDER BY e."position")
          FILTER (WHERE e."id" IS NOT NULL),
        '[]'::json
      ) AS "endpoints"
    FROM "Server" s LEFT JOIN "ServerEndpoint" e ON e."serverId" = s."id"
    WHERE s."slug" = ${slug}
    GROUP BY s."id"`;
  const server = rows[0];
  if (!server) return new AppError("not_found", `No MCP server "${slug}" is registered.`);
  if (!server.enabled) return new AppError("unavailable", `The MCP server "${slug}" is disabled.`);
  if (server.endpoints.length === 0) {
    return new AppError("unprocessable", `The MCP server "${slug}" has no endpoint.`);
  }
  if (server.transport !== "streamable-http") {
    // The passthrough relays Streamable HTTP as it is; an SSE-only server needs a protocol bridge.
    return new AppError(
      "unprocessable",
      `The MCP server "${slug}" speaks only the older SSE transport, which the passthrough endpoint does not relay.`,
    );
  }
  return {
    serverId: server.id,
    slug: server.slug,
    replicas: server.endpoints.map((e) => ({ url: e.url, weight: e.weight })),
    transport: "streamable_http",
    headers: openHeaders(server.headersEncrypted),
    timeoutMs: server.timeoutMs,
  };
}
