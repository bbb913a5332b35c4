import { toFederatedName } from "./federated-name";

export type FederatedNameIndex<T> = {
  /** Federated names that exactly one item produces. */
  unique: Map<string, T>;
  /** Names two or more items produce: every one of them is left out, none is renamed. */
  collisions: { federatedName: string; items: T[] }[];
};

/**
 * Names items `<alias>__<name>` and sets apart every name more than one item produces. An item listed twice by the
 * same server (a broken upstream) is not a collision with itself: pass `sameOwner` to say which items are one.
 */
export function indexFederatedNames<T extends { alias: string; name: string }>(
  items: T[],
  sameOwner: (a: T, b: T) => boolean = (a, b) => a.alias === b.alias,
): FederatedNameIndex<T> {
  const byName = new Map<string, T[]>();
  for (const item of items) {
    const federatedName = toFederatedName(item.alias, item.name);
    const claims = byName.get(federatedName);
    if (!claims) byName.set(federatedName, [item]);
    else if (!claims.some((claim) => sameOwner(claim, item))) claims.push(item);
  }
  const unique = new Map<string, T>();
  const collisions: FederatedNameIndex<T>["collisions"] = [];
  for (const [federatedName, claims] of byName) {
    if (claims.length === 1) unique.set(federatedName, claims[0]!);
    else collisions.push({ federatedName, items: claims });
  }
  return { unique, collisions };
}
