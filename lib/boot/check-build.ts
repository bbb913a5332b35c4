import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export type BuildCheck = {
  needed: boolean;
  reason: string;
  fingerprint: string;
  /** A build made by `npm run build` after the last source change: use it, and record its fingerprint. */
  adopt: boolean;
};

/** What `next build` reads. Tests, generated code and build output are left out: changing them needs no rebuild. */
const BUILD_INPUTS = [
  "app",
  "lib",
  "components",
  "public",
  "middleware.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIPPED_DIRS = new Set(["node_modules", "lib/db/generated"]);
const SKIPPED_FILE = /\.test\.tsx?$/;

export const FINGERPRINT_FILE = "orbit-build-fingerprint";

/**
 * Whether `npm start` must run `next build` first: when there is no build, or when a source file was added,
 * removed or changed since the last one. Files are compared by path, mtime and size, so checking the tree takes
 * milliseconds instead of hashing contents.
 */
export async function checkBuild({
  root,
  distDir = ".next",
}: {
  root: string;
  distDir?: string;
}): Promise<BuildCheck> {
  const sources = await listSources(root);
  const fingerprint = createHash("sha256")
    .update(sources.map((s) => `${s.path}\t${s.mtimeMs}\t${s.size}`).join("\n"))
    .digest("hex");
  const answer = (needed: boolean, reason: string, adopt = false) => ({ needed, reason, fingerprint, adopt });

  const dist = path.join(root, distDir);
  const buildId = await stat(path.join(dist, "BUILD_ID")).catch(() => null);
  if (!buildId) return answer(true, "no production build yet");
  const previous = await readFile(path.join(dist, FINGERPRINT_FILE), "utf8").catch(() => null);
  if (previous === null) {
    // Built with `npm run build`, which records no fingerprint: trust it only if nothing changed after it.
    const newest = Math.max(0, ...sources.map((s) => s.mtimeMs));
    return newest < buildId.mtimeMs
      ? answer(false, "the build is newer than every source", true)
      : answer(true, "sources changed since the last build");
  }
  if (previous.trim() !== fingerprint) return answer(true, "sources changed since the last build");
  return answer(false, "the build is up to date");
}

async function listSources(root: string): Promise<{ path: string; mtimeMs: number; size: number }[]> {
  const found: { path: string; mtimeMs: number; size: number }[] = [];
  const visit = async (relative: string): Promise<void> => {
    if (SKIPPED_DIRS.has(relative)) return;
    const info = await stat(path.join(root, relative)).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      const entries = await readdir(path.join(root, relative));
      await Promise.all(
        entries.filter((e) => !e.startsWith(".")).map((e) => visit(path.posix.join(relative, e))),
      );
    } else if (!SKIPPED_FILE.test(relative)) {
      found.push({ path: relative, mtimeMs: info.mtimeMs, size: info.size });
    }
  };
  await Promise.all(BUILD_INPUTS.map(visit));
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
