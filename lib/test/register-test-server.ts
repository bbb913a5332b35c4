import { getPrisma } from "@/lib/db/get-prisma";
import { createServer } from "@/lib/servers/create-server";
import type { ServerView } from "@/lib/servers/to-server-view";

/**
 * Registers an upstream the way an operator would (createServer as the CLI), for tests that call through Orbit.
 * `fetchTools` lists its tools into the registry first; `cacheTools` then gives those tools a cache TTL, as an
 * operator does on the tool page (only tools that declare readOnlyHint are ever served from cache).
 */
export async function registerTestServer(options: {
  slug: string;
  url: string;
  fetchTools?: boolean;
  cacheTools?: string[];
}): Promise<ServerView> {
  const server = await createServer({
    actor: { kind: "cli" },
    input: { name: `Test ${options.slug}`, slug: options.slug, endpoints: [{ url: options.url }] },
    fetchTools: options.fetchTools,
  });
  if (options.cacheTools?.length) {
    await getPrisma().tool.updateMany({
      where: { serverId: server.id, name: { in: options.cacheTools } },
      data: { cacheTtlSeconds: 60 },
    });
  }
  return server;
}
