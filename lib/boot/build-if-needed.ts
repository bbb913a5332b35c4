import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { checkBuild, FINGERPRINT_FILE } from "./check-build";
import { spawnPrefixed } from "./spawn-prefixed";

/** Runs `next build` when checkBuild says so, and records what it built from. */
export async function buildIfNeeded({
  root,
  nextBin,
  log,
  track,
}: {
  root: string;
  nextBin: string;
  log: (line: string) => void;
  /** Receives the build process, so a shutdown during the build can stop it. */
  track?: (child: ChildProcess) => void;
}): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  const check = await checkBuild({ root });
  const fingerprintFile = path.join(root, ".next", FINGERPRINT_FILE);
  if (check.adopt) await writeFile(fingerprintFile, `${check.fingerprint}\n`);
  if (!check.needed) return { built: false, ms: Date.now() - started };
  log(`building the web app (${check.reason}); this takes a minute…`);
  const build = spawnPrefixed({
    name: "build",
    command: process.execPath,
    args: [nextBin, "build"],
    cwd: root,
  });
  track?.(build);
  const [code, signal] = (await once(build, "exit")) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`next build failed (${signal ?? `exit code ${code}`})`);
  // Written after the build, which empties .next first; sources edited during the build trigger the next one.
  await writeFile(fingerprintFile, `${check.fingerprint}\n`);
  return { built: true, ms: Date.now() - started };
}
