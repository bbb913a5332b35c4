import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { type FederatedResources, listFederatedResources, resourcesKey } from "./list-federated-resources";
import type { FederatedServer } from "./load-federated-servers";
import { recallPerKey } from "./remember-per-key";

/**
 * The servers a resource URI (or a resource template's URI) belongs to, for this key: those whose list contained it,
 * else those with a template that matches it or is it, from the key's recent listing or, when that knows none, a
 * fresh one (the list may have changed since). Empty when no server the key may use lists it.
 */
export async function findFederatedResourceOwners(options: {
  principal: ApiKeyPrincipal;
  uri: string;
  signal?: AbortSignal;
}): Promise<FederatedServer[]> {
  const recalled = recallPerKey<FederatedResources>(resourcesKey(options.principal.id));
  const owners = recalled ? ownersOf(recalled, options.uri) : [];
  if (owners.length > 0) return owners;
  return ownersOf(await listFederatedResources(options), options.uri);
}

function ownersOf(listing: FederatedResources, uri: string): FederatedServer[] {
  const listed = listing.owners.get(uri);
  if (listed) return listed;
  const matching: FederatedServer[] = [];
  for (const { template, server } of listing.templates) {
    if (!matching.includes(server) && (template.toString() === uri || template.match(uri))) {
      matching.push(server);
    }
  }
  return matching;
}
