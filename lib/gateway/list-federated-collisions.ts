import { loadFederatedToolIndex } from "./load-federated-tool-index";

export type FederatedCollision = {
  /** The `<alias>__<tool>` name more than one server produces. */
  federatedName: string;
  /** Every server claiming it, with the alias and tool name that produce it. */
  claims: { serverId: string; slug: string; alias: string; tool: string }[];
};

/**
 * Federated tool names that two or more enabled servers produce (alias "a" + tool "b__c" and alias "a__b" + tool
 * "c"). The federated endpoint leaves every such tool out rather than renaming one, so names stay stable; this is
 * the list an operator needs to resolve them (by changing an alias), for the server pages to show.
 */
export async function listFederatedCollisions(): Promise<FederatedCollision[]> {
  const { collisions } = await loadFederatedToolIndex();
  return collisions
    .map(({ federatedName, items }) => ({
      federatedName,
      claims: items.map((t) => ({ serverId: t.serverId, slug: t.slug, alias: t.alias, tool: t.name })),
    }))
    .sort((a, b) => (a.federatedName < b.federatedName ? -1 : a.federatedName > b.federatedName ? 1 : 0));
}
