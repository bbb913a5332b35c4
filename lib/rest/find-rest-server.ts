import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";

export type RestServer = { id: string; slug: string };

/** The registered, enabled server behind /api/v1/mcp/{server}: 404 when unknown, 503 when disabled. */
export async function findRestServer(slug: string): Promise<RestServer> {
  const server = await getPrisma().server.findUnique({
    where: { slug },
    select: { id: true, slug: true, enabled: true },
  });
  if (!server) throw new AppError("not_found", `No MCP server "${slug}" is registered.`);
  if (!server.enabled) throw new AppError("unavailable", `The MCP server "${slug}" is disabled.`);
  return { id: server.id, slug: server.slug };
}
