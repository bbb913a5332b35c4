import { type Actor, assertRole } from "@/lib/auth/roles";
import { type FederatedCollision, listFederatedCollisions } from "@/lib/gateway/list-federated-collisions";

export type ServerCollision = FederatedCollision & {
  /** With `serverId`: this server's own tool behind the name. */
  tool?: string;
  /** With `serverId`: the other servers claiming the name, with their alias and tool. */
  others?: FederatedCollision["claims"];
};

/**
 * Federated names (`<alias>__<tool>`) more than one enabled server produces, for the server pages: every such tool
 * is left out of /api/mcp, none is renamed, until an operator changes an alias. Given a server, only the names it
 * takes part in, each with the other claimants.
 */
export async function listServerCollisions(options: {
  actor: Actor;
  serverId?: string;
}): Promise<ServerCollision[]> {
  assertRole(options.actor, "viewer");
  const collisions = await listFederatedCollisions();
  const { serverId } = options;
  if (!serverId) return collisions;
  return collisions.flatMap((collision) => {
    const own = collision.claims.find((claim) => claim.serverId === serverId);
    if (!own) return [];
    return [{ ...collision, tool: own.tool, others: collision.claims.filter((claim) => claim !== own) }];
  });
}
