import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export type BuildCheck = { needed: boolean; reason: string; fingerprint: string };

/** What `next build` reads. Tests, generated code and build output are left out: changing them needs no rebuild. */
export const BUILD_INPUTS = [
  "app",
  "lib",
  "components",
  "middleware.ts",
  "next.config.ts",
  "package.json",
  "prisma/schema.prisma",
];
const SKIPPED_DIRS = new Set(["node_modules", "lib/db/generated"]);
const SKIPPED_FILE = /\.test\.tsx?$/;

export const FINGERPRINT_FILE = "orbit-build-fingerprint";

/**
 * Whether `npm start` must run `next build` first: when there is no build, or when a source file was added,
 * removed or changed (by path, mtime and size, so checking a large tree takes milliseconds) since the last one.
 */
export async function checkBuild({ root, distDir = ".next" }: { root: string; distDir?: string }): Promise<BuildCheck> {
  const fingerprint = await fingerprintSources(root);
  const dist = path.join(root, distDir);
  const hasBuild = await stat(path.join(dist, "BUILD_ID")).then(
    () => true,
    () => false,
  );
  if (!hasBuild) return { needed: true, reason: "no production build yet", fingerprint };
  const previous = await readFile(path.join(dist, FINGERPRINT_FILE), "utf8").catch(() => null);
  if (previous === null) return { needed: true, reason: "the build was not made by npm start", fingerprint };
  if (previous.trim() !== fingerprint) return { needed: true, reason: "sources changed since the last build", fingerprint };
  return { needed: false, reason: "the build is up to date", fingerprint };
}

async function fingerprintSources(root: string): Promise<string> {
  const lines: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    if (SKIPPED_DIRS.has(relative)) return;
    const info = await stat(path.join(root, relative)).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      const entries = await readdir(path.join(root, relative));
      await Promise.all(entries.filter((e) => !e.startsWith(".")).map((e) => visit(path.posix.join(relative, e))));
    } else if (!SKIPPED_FILE.test(relative)) {
      lines.push(`${relative}\t${info.mtimeMs}\t${info.size}`);
    }
  };
  await Promise.all(BUILD_INPUTS.map(visit));
  return createHash("sha256").update(lines.sort().join("\n")).digest("hex");
}
