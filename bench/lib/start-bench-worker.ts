import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { setPriority } from "node:os";
import type { BenchStack } from "./start-bench-stack";

export type BenchWorker = {
  pid: number;
  /** SIGTERM (the worker finishes or hands back its jobs), SIGKILL after 20 s; waits for the exit. */
  stop(): Promise<void>;
};

// The niceness `npm start` gives its own worker (lib/boot/run-orbit.ts), so an added worker competes on equal terms.
const WORKER_NICENESS = 10;
const READY_TIMEOUT_MS = 60_000;

/**
 * One more worker process next to the stack's own, started as `npm start` starts its worker (`node --import tsx
 * lib/worker/main.ts`, same environment, same niceness). Ready once its heartbeat row is in the database; its job
 * consumers subscribe right after, so callers that need it to have taken work should check jobs' `workerId`.
 */
export async function startBenchWorker(options: {
  root: string;
  prisma: BenchStack["prisma"];
  logFile: string;
}): Promise<BenchWorker> {
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, ["--import", "tsx", "lib/worker/main.ts"], {
    cwd: options.root,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = once(child, "exit");
  const pid = child.pid;
  if (pid === undefined) throw new Error("the worker did not spawn");
  try {
    setPriority(pid, WORKER_NICENESS);
  } catch {
    // Not permitted in some containers; then neither is the stack's worker lowered.
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(killer);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the worker exited (${child.exitCode}); log: ${options.logFile}`);
    if (await options.prisma.workerHeartbeat.findFirst({ where: { pid, stoppedAt: null } })) {
      return { pid, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(
    `the worker wrote no heartbeat within ${READY_TIMEOUT_MS / 1000} s (log: ${options.logFile})`,
  );
}
