import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { findFreePort } from "@/lib/test/find-free-port";

export type EverythingServer = {
  /** The Streamable HTTP endpoint, e.g. http://127.0.0.1:41234/mcp */
  url: string;
  /** Its process, for benchmarks that read its CPU time. */
  pid: number;
  /** Stops this server's process (and only it); resolves once it has exited. */
  stop(): Promise<void>;
};

const require = createRequire(import.meta.url);

/**
 * Starts the reference MCP server (`@modelcontextprotocol/server-everything streamableHttp`) on a free 127.0.0.1 port
 * and resolves once it answers HTTP. It binds the port from the PORT variable, so the port is picked here first; the
 * small window in which another process could take it is covered by retrying.
 */
export async function startEverythingServer(
  options: { readyTimeoutMs?: number } = {},
): Promise<EverythingServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await findFreePort(), options.readyTimeoutMs ?? 20_000);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(port: number, readyTimeoutMs: number): Promise<EverythingServer> {
  const entry = join(
    dirname(require.resolve("@modelcontextprotocol/server-everything/package.json")),
    "dist/index.js",
  );
  const child = spawn(process.execPath, [entry, "streamableHttp"], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // It logs every request; keep only the tail, for the error message if it fails to start.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = `http://127.0.0.1:${port}/mcp`;
  const stop = () => stopChild(child, exited);
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server-everything exited before it was ready (port ${port}):\n${output}`);
    }
    try {
      // Any HTTP answer (it says 400 to a GET without a session) means it is listening.
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return { url, pid: child.pid ?? 0, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`server-everything did not answer on ${url} within ${readyTimeoutMs} ms:\n${output}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(killer);
}
