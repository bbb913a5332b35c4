import { BlockList, isIP } from "node:net";
import { parseCidr } from "@/lib/config/parse-cidr";

export type IpAccessRule = {
  /** Whether the list would let this client address through. */
  allows(ip: string): boolean;
};

/**
 * The IP allow and deny lists as one decision: a denied address is refused even when also allowed; with an allow
 * list, only its addresses pass. An address Orbit could not determine ("unknown") passes only when no allow list is
 * set: an allow list fails closed.
 */
export function createIpAccessRule(options: { allow: string[]; deny: string[] }): IpAccessRule {
  const allow = toBlockList(options.allow);
  const deny = toBlockList(options.deny);
  return {
    allows(ip) {
      // "::ffff:127.0.0.1" and "127.0.0.1" are one client.
      const address = ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
      const family = isIP(address);
      if (family === 0) return allow === null;
      const type = family === 4 ? "ipv4" : "ipv6";
      if (deny?.check(address, type)) return false;
      return allow === null || allow.check(address, type);
    },
  };
}

function toBlockList(entries: string[]): BlockList | null {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (cidr) list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return list;
}
