import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const inspectorCli = createRequire(import.meta.url).resolve(
  "@modelcontextprotocol/inspector-cli/build/index.js",
);

/** The MCP Inspector in CLI mode, as a reviewer would run it: one method per run against `url`, JSON on stdout. */
export async function runInspectorCli(options: {
  url: string;
  key: string;
  args: string[];
}): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      inspectorCli,
      options.url,
      "--transport",
      "http",
      "--header",
      `Authorization: Bearer ${options.key}`,
      ...options.args,
    ],
    // Its build looks for "../package.json" relative to the working directory: run it from its own folder.
    { timeout: 30_000, cwd: path.dirname(inspectorCli) },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
}
