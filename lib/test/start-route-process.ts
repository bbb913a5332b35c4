import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("./route-process-main.ts", import.meta.url));

/**
 * One App Router route handler served by a separate Node process (tsx, this environment): a real second instance
 * for tests of what must cross processes, such as hot configuration. `params` maps the path after `prefix` to one
 * route parameter (`/api/webhooks/` + slug).
 */
export async function startRouteProcess(options: {
  /** The route module, relative to the repository root (app/api/webhooks/[slug]/route.ts). */
  module: string;
  method: string;
  prefix: string;
  param: string;
  env?: Record<string, string>;
}): Promise<{ origin: string; stop(): Promise<void> }> {
  const modulePath = fileURLToPath(new URL(`../../${options.module}`, import.meta.url));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", main, modulePath, options.method, options.prefix, options.param],
    { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error(`route process did not start:\n${stderr}`)), 30_000);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const line = stdout.split("\n").find((l) => l.startsWith('{"origin"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { origin: string }).origin);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`route process exited (${code}):\n${stderr}`));
    });
  });
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
