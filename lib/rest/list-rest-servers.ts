import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { canUseServer } from "@/lib/api-keys/can-use-server";
import { canUseTool } from "@/lib/api-keys/can-use-tool";
import { getPrisma } from "@/lib/db/get-prisma";
import { type ServerHealthStatus, summarizeServerHealth } from "@/lib/rest/summarize-server-health";
import { getToolCallDeps } from "@/lib/tool-calls/get-tool-call-deps";
import { peekReplicaCircuits, type ReplicaCircuit } from "@/lib/tool-calls/peek-replica-circuits";

export type RestServerView = {
  slug: string;
  name: string;
  enabled: boolean;
  /** Tools this key may list and call, not every tool the server has: the same count list_tools would return. */
  toolCount: number;
  health: { status: ServerHealthStatus; replicas: ReplicaCircuit[] };
};

/**
 * GET /api/v1/servers: the servers the key may use (disabled ones included, marked), each with its health from
 * the shared circuit breaker (peeked, so listing never takes a probe a real call needs) and its tool count.
 * Replicas are named by origin only; their URLs may carry credentials.
 */
export async function listRestServers(options: { actor: ApiKeyPrincipal }): Promise<RestServerView[]> {
  const { actor } = options;
  const servers = await getPrisma().server.findMany({
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      enabled: true,
      endpoints: { orderBy: { position: "asc" }, select: { url: true, weight: true } },
      tools: { where: { deletedAt: null, enabled: true }, select: { name: true } },
    },
  });
  const { breaker } = getToolCallDeps();
  return Promise.all(
    servers
      .filter((server) => canUseServer(actor, server.slug))
      .map(async (server) => {
        const replicas = await peekReplicaCircuits({
          serverId: server.id,
          replicas: server.endpoints,
          breaker,
        });
        return {
          slug: server.slug,
          name: server.name,
          enabled: server.enabled,
          toolCount: server.tools.filter((tool) => canUseTool(actor, server.slug, tool.name)).length,
          health: { status: summarizeServerHealth(server.enabled, replicas), replicas },
        };
      }),
  );
}
