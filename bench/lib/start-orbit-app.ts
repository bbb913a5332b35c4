import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";

export type OrbitApp = {
  url: string;
  pid: number;
  /** Stops the launcher's process group (launcher, web, worker, embedded database) and waits for it to exit. */
  stop(): Promise<void>;
};

/**
 * `npm start` exactly as an operator runs it (build if the sources changed, migrate, web + worker), in its own
 * process group so stopping it reaches every process it started and nothing else. Output goes to `logFile`.
 */
export async function startOrbitApp(options: {
  root: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  readyTimeoutMs: number;
}): Promise<OrbitApp> {
  const log = createWriteStream(options.logFile);
  const child = spawn("npm", ["start"], {
    cwd: options.root,
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = once(child, "exit");
  const pid = child.pid;
  if (pid === undefined) throw new Error("npm start did not spawn");

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-pid, "SIGTERM");
    const killer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {}
    }, 20_000);
    await exited;
    clearTimeout(killer);
  };

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + options.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = (await readFile(options.logFile, "utf8")).slice(-3000);
      throw new Error(`npm start exited (${child.exitCode}) before it was ready:\n${tail}`);
    }
    try {
      const response = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.ok) return { url, pid, stop };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(
    `npm start was not ready within ${options.readyTimeoutMs / 1000} s (log: ${options.logFile})`,
  );
}
