import type { ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { AppError } from "@/lib/errors/app-error";
import { type FederatedResources, listFederatedResources, resourcesKey } from "./list-federated-resources";
import type { FederatedServer } from "./load-federated-servers";
import { recallPerKey } from "./remember-per-key";
import { withServerClient } from "./with-server-client";

/**
 * resources/read on /api/mcp: the URI, unchanged, goes to a server whose list contained it (or whose template
 * matches it), from this key's recent listing or, failing that, a fresh one. Owners are tried in turn; the first
 * answer wins, and when all fail the last failure is the answer. Unknown to every server the key may use: not_found.
 */
export async function readFederatedResource(options: {
  principal: ApiKeyPrincipal;
  uri: string;
  signal?: AbortSignal;
}): Promise<ReadResourceResult> {
  const { uri } = options;
  const recalled = recallPerKey<FederatedResources>(resourcesKey(options.principal.id));
  let owners = recalled ? ownersOf(recalled, uri) : [];
  // Not in the remembered list (or none): the list may have changed since, so ask again before saying no.
  if (owners.length === 0) owners = ownersOf(await listFederatedResources(options), uri);
  if (owners.length === 0) {
    throw new AppError("not_found", `Unknown resource "${uri}": no server this key may use lists it.`);
  }
  let lastError: unknown;
  for (const server of owners) {
    try {
      return await withServerClient(
        server,
        (client, request) => client.readResource({ uri }, request),
        options.signal,
      );
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function ownersOf(listing: FederatedResources, uri: string): FederatedServer[] {
  const listed = listing.owners.get(uri);
  if (listed) return listed;
  const matching: FederatedServer[] = [];
  for (const { template, server } of listing.templates) {
    if (!matching.includes(server) && template.match(uri)) matching.push(server);
  }
  return matching;
}
