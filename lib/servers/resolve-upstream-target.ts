import type { DbTx } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { ConnectUpstreamOptions } from "@/lib/mcp/connect-upstream";
import { openHeaders } from "./open-headers";

/**
 * Where and how to reach a stored server: its first endpoint by position, or `url` when that is one of its
 * endpoints, with the decrypted headers. Any other URL is refused: the stored credentials go only where the
 * operator registered them.
 */
export async function resolveUpstreamTarget(
  db: DbTx,
  options: { serverId: string; url?: string },
): Promise<{ server: { id: string; slug: string; name: string }; target: ConnectUpstreamOptions }> {
  const server = await db.server.findUnique({
    where: { id: options.serverId },
    include: { endpoints: { orderBy: { position: "asc" } } },
  });
  if (!server) throw new AppError("not_found", "No such server.");
  const wanted = options.url === undefined ? undefined : normalise(options.url);
  const endpoint = wanted ? server.endpoints.find((e) => e.url === wanted) : server.endpoints[0];
  if (!endpoint) {
    throw new AppError(
      wanted ? "bad_request" : "unprocessable",
      wanted
        ? "That URL is not one of this server's endpoints."
        : "This server has no endpoint to connect to.",
    );
  }
  return {
    server: { id: server.id, slug: server.slug, name: server.name },
    target: {
      url: endpoint.url,
      transport: server.transport,
      headers: openHeaders(server.headersEncrypted),
      timeoutMs: server.timeoutMs,
    },
  };
}

// Stored URLs are normalised by the input schema; compare like with like.
function normalise(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url;
  }
}
