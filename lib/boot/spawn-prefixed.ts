import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Starts a child process whose output lines come out of ours prefixed with its name (`[web] …`), so web, worker and
 * build logs stay readable in one terminal. The child inherits our environment unless `env` is given.
 */
export function spawnPrefixed({
  name,
  command,
  args,
  cwd,
  env = process.env,
}: {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}): ChildProcess {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
      target.write(`${prefix}${line}\n`);
    });
  }
  return child;
}
