import { getPrisma } from "@/lib/db/get-prisma";
import { openHeaders } from "@/lib/servers/open-headers";
import type { HealthTarget } from "./check-and-record-replica";

/**
 * How to reach an enabled server's replicas for a check: transport, decrypted headers, timeout. Null when the server
 * is gone or disabled: disabled servers are never checked, whatever their replicas' state.
 */
export async function loadHealthTarget(serverId: string): Promise<HealthTarget | null> {
  const server = await getPrisma().server.findUnique({
    where: { id: serverId },
    select: {
      id: true,
      slug: true,
      enabled: true,
      transport: true,
      headersEncrypted: true,
      timeoutMs: true,
    },
  });
  if (!server?.enabled) return null;
  return {
    serverId: server.id,
    slug: server.slug,
    transport: server.transport,
    headers: openHeaders(server.headersEncrypted),
    timeoutMs: server.timeoutMs,
  };
}
