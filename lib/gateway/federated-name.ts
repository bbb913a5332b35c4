// Names on the federated endpoint /api/mcp: `<alias>__<name>`, the server's alias (set once, see Server.alias) and
// the upstream's own tool or prompt name. Tool names may themselves contain "__", and aliases may contain "_", so a
// federated name can be read more than one way; every reading is tried, and a name two servers both produce is a
// collision (listFederatedCollisions), never resolved by guessing.

export const FEDERATED_SEPARATOR = "__";

export function toFederatedName(alias: string, name: string): string {
  return `${alias}${FEDERATED_SEPARATOR}${name}`;
}

/** Every (alias, name) split of a federated name, one per occurrence of the separator; none when there is none. */
export function splitFederatedName(federatedName: string): { alias: string; name: string }[] {
  const splits: { alias: string; name: string }[] = [];
  let at = federatedName.indexOf(FEDERATED_SEPARATOR, 1);
  while (at > 0 && at + FEDERATED_SEPARATOR.length < federatedName.length) {
    splits.push({
      alias: federatedName.slice(0, at),
      name: federatedName.slice(at + FEDERATED_SEPARATOR.length),
    });
    at = federatedName.indexOf(FEDERATED_SEPARATOR, at + 1);
  }
  return splits;
}
