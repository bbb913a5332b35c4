import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { canUseTool } from "@/lib/api-keys/can-use-tool";
import { createLookupCache, LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { splitFederatedName } from "./federated-name";

/**
 * The server and upstream tool behind a federated tool name, for a key that may call it. One indexed query over
 * every reading of the name (see splitFederatedName), among enabled servers, like tools/list. Throws AppError:
 * not_found (no such tool), conflict (two servers produce the name: it is not listed either), forbidden (the key
 * may not use it; this does tell the key that the name exists, as the passthrough's per-tool 403 does).
 */
export async function resolveFederatedTool(options: {
  principal: ApiKeyPrincipal;
  name: string;
}): Promise<{ serverId: string; slug: string; alias: string; tool: string }> {
  const { principal, name } = options;
  const claims = await claimsByName.get(name);
  if (claims.length === 0) {
    throw new AppError(
      "not_found",
      `Unknown tool "${name}": call tools/list for the tools this key may use.`,
    );
  }
  if (claims.length > 1) {
    throw new AppError(
      "conflict",
      `The tool name "${name}" is produced by more than one server (${claims.map((c) => c.server.slug).join(", ")}); an operator must change one server's alias.`,
    );
  }
  const { server, name: tool } = claims[0]!;
  if (!canUseTool(principal, server.slug, tool)) {
    throw new AppError("forbidden", `This API key may not use the tool "${name}".`);
  }
  return { serverId: server.id, slug: server.slug, alias: server.alias, tool };
}

type Claim = { name: string; server: { id: string; slug: string; alias: string } };

// Which servers produce a federated name, remembered briefly (see createLookupCache) and forgotten on this instance
// when servers (alias, enabled) or tools change; the key's own permission is checked on every call, outside it.
const claimsByName = createLookupCache<string, Claim[]>({
  name: "federatedToolClaims",
  groups: ["servers", "tools"],
  ttlMs: LOOKUP_TTL_MS,
  load: async (name) => {
    const readings = splitFederatedName(name);
    if (readings.length === 0) return [];
    return getPrisma().tool.findMany({
      where: {
        deletedAt: null,
        OR: readings.map((r) => ({ name: r.name, server: { alias: r.alias, enabled: true } })),
      },
      select: { name: true, server: { select: { id: true, slug: true, alias: true } } },
    });
  },
});
