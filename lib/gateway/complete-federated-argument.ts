import type { CompleteRequest, CompleteResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { findFederatedResourceOwners } from "./find-federated-resource-owners";
import { type FederatedPrompts, listFederatedPrompts, promptsKey } from "./list-federated-prompts";
import type { FederatedServer } from "./load-federated-servers";
import { recallPerKey } from "./remember-per-key";
import { withServerClient } from "./with-server-client";

// Nothing to suggest. Completion only helps a client fill in an argument, so a reference Orbit cannot place gets an
// empty list (as the spec allows a minimal completion) instead of an error in the middle of the user's typing.
const NOTHING: CompleteResult = { completion: { values: [], total: 0, hasMore: false } };

/**
 * completion/complete on /api/mcp: a `ref/prompt` names a federated prompt (`<alias>__<prompt>`), asked of its
 * server under the server's own prompt name; a `ref/resource` names a resource template (or resource) URI, asked of
 * the first server that lists it. Both come from this key's listings, so a server outside the key's scope is never
 * asked. A reference no server the key may use has, or a server that does not declare completions: no values.
 */
export async function completeFederatedArgument(options: {
  principal: ApiKeyPrincipal;
  params: CompleteRequest["params"];
  signal?: AbortSignal;
}): Promise<CompleteResult> {
  const { principal, params, signal } = options;
  let server: FederatedServer | undefined;
  let ref = params.ref;
  if (ref.type === "ref/prompt") {
    const name = ref.name;
    const recalled = recallPerKey<FederatedPrompts>(promptsKey(principal.id));
    const owner =
      recalled?.owners.get(name) ?? (await listFederatedPrompts({ principal, signal })).owners.get(name);
    if (!owner) return NOTHING;
    server = owner.server;
    ref = { ...ref, name: owner.name };
  } else {
    [server] = await findFederatedResourceOwners({ principal, uri: ref.uri, signal });
  }
  if (!server) return NOTHING;
  const upstreamRef = ref;
  return withServerClient(
    server,
    async (client, request) => {
      if (!client.getServerCapabilities()?.completions) return NOTHING;
      return client.complete({ ...params, ref: upstreamRef }, request);
    },
    signal,
  );
}
