import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { canUseServer } from "@/lib/api-keys/can-use-server";
import { getPrisma } from "@/lib/db/get-prisma";
import { toToolCallTarget } from "@/lib/tool-calls/to-tool-call-target";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

export type FederatedServer = ToolCallTarget & { alias: string };

/** The enabled servers with at least one endpoint that the key may use, by alias: whom live lists ask. */
export async function loadFederatedServers(options: {
  principal: ApiKeyPrincipal;
}): Promise<FederatedServer[]> {
  const servers = await getPrisma().server.findMany({
    where: { enabled: true, endpoints: { some: {} } },
    orderBy: { alias: "asc" },
    select: {
      id: true,
      slug: true,
      alias: true,
      transport: true,
      headersEncrypted: true,
      timeoutMs: true,
      endpoints: { orderBy: { position: "asc" }, select: { url: true, weight: true } },
    },
  });
  return servers
    .filter((server) => canUseServer(options.principal, server.slug))
    .map((server) => ({ ...toToolCallTarget(server), alias: server.alias }));
}
