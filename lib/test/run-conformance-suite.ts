import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const conformanceCli = createRequire(import.meta.url).resolve(
  "@modelcontextprotocol/conformance/dist/index.js",
);

/** Per scenario, the ids of the checks that succeeded and of those that failed (warnings and info are neither). */
export type ConformanceResults = Record<string, { passed: string[]; failed: string[] }>;

/**
 * The MCP conformance suite (`@modelcontextprotocol/conformance`), as a reviewer runs it:
 * `conformance server --url <url> --suite all`, every server scenario against one Streamable HTTP endpoint. The
 * results are read from the checks.json files it writes per scenario, not from its exit status, which is 1 as soon
 * as any scenario fails.
 */
export async function runConformanceSuite(options: { url: string }): Promise<ConformanceResults> {
  const outputDir = await mkdtemp(path.join(tmpdir(), "orbit-conformance-"));
  try {
    await promisify(execFile)(
      process.execPath,
      [
        ...nodeCompatibilityFlags(),
        conformanceCli,
        "server",
        "--url",
        options.url,
        "--suite",
        "all",
        "-o",
        outputDir,
      ],
      { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { code?: unknown; stderr?: string }) => {
      // Exit status 1 only says some scenario failed; anything else (a crash, a timeout) is the run failing.
      if (error.code !== 1)
        throw new Error(`conformance suite did not run: ${String(error.stderr ?? error)}`);
    });
    return await readResults(outputDir);
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

async function readResults(outputDir: string): Promise<ConformanceResults> {
  const results: ConformanceResults = {};
  for (const entry of await readdir(outputDir)) {
    // server-<scenario>-<ISO timestamp with dashes>
    const scenario = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(entry)?.[1];
    if (!scenario) continue;
    const checks = JSON.parse(await readFile(path.join(outputDir, entry, "checks.json"), "utf8")) as {
      id: string;
      status: string;
    }[];
    results[scenario] = {
      passed: checks.filter((c) => c.status === "SUCCESS").map((c) => c.id),
      failed: checks.filter((c) => c.status === "FAILURE").map((c) => c.id),
    };
  }
  if (Object.keys(results).length === 0) throw new Error("the conformance suite wrote no results");
  return results;
}

/**
 * The suite is built for Node 20 but imports `fs.globSync` (Node 22) at load time, for its `tier-check` command only;
 * server mode never calls it. On an older Node, a module hook gives the suite's own `fs` import a globSync that
 * throws, so the import resolves and nothing else changes. On Node 22 or later the suite runs as shipped.
 */
function nodeCompatibilityFlags(): string[] {
  if (Number(process.versions.node.split(".")[0]) >= 22) return [];
  const fsWithGlob = dataUrl(
    `export * from "node:fs"; export { default } from "node:fs";
     export function globSync() { throw new Error("fs.globSync needs Node 22"); }`,
  );
  const hooks = dataUrl(
    `export async function resolve(specifier, context, next) {
       const fromSuite = context.parentURL?.includes("/@modelcontextprotocol/conformance/");
       if (fromSuite && (specifier === "fs" || specifier === "node:fs")) {
         return { url: ${JSON.stringify(fsWithGlob)}, shortCircuit: true };
       }
       return next(specifier, context);
     }`,
  );
  return ["--import", dataUrl(`import { register } from "node:module"; register(${JSON.stringify(hooks)});`)];
}

function dataUrl(source: string): string {
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
