import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { orbitVersion } from "@/lib/version";

export type SystemInfo = {
  version: string;
  node: string;
  platform: string;
  uptimeSeconds: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };
  /** Installed versions of the packages an operator asks about first; null when one cannot be read. */
  packages: { name: string; version: string | null }[];
};

const KEY_PACKAGES = [
  "next",
  "react",
  "@prisma/client",
  "@modelcontextprotocol/sdk",
  "@upstash/redis",
  "@upstash/ratelimit",
  "zod",
];

/** This web process: Orbit's version, Node, uptime, memory and the installed versions of the key packages. */
export async function getSystemInfo(options: { actor: Actor }): Promise<SystemInfo> {
  assertRole(options.actor, "viewer");
  const memory = process.memoryUsage();
  return {
    version: orbitVersion,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    uptimeSeconds: Math.round(process.uptime()),
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal },
    packages: await Promise.all(KEY_PACKAGES.map(async (name) => ({ name, version: await installed(name) }))),
  };
}

// Read from node_modules rather than imported: the bundler would inline a copy at build time, and the question is
// what is installed where this process runs.
async function installed(name: string): Promise<string | null> {
  try {
    const text = await readFile(path.join(process.cwd(), "node_modules", name, "package.json"), "utf8");
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === "string" ? version : null;
  } catch {
    return null;
  }
}
