import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Docker from "dockerode";
import { importTestImage } from "./import-test-image";

const run = promisify(execFile);

/** The config the container tests give Podman (runc, no ulimits, file events), whatever the machine has. */
export const PODMAN_CONF = fileURLToPath(new URL("./podman-containers.conf", import.meta.url));
const READY_TIMEOUT_MS = 20_000;

export type PodmanService = {
  /** unix:///…/podman.sock, as DOCKER_HOST would say. */
  dockerHost: string;
  docker: Docker;
  /** The service's process id while it runs. */
  pid(): number | null;
  /** Kills the service (SIGKILL, like a crash). Its containers keep running: conmon supervises them, not it. */
  kill(): Promise<void>;
  /** Starts the service again on the same socket and state; resolves once it answers. */
  start(): Promise<void>;
  /** The Podman CLI on this service's state (`podman --root … <args>`). */
  podman(args: string[]): Promise<string>;
  /** Removes every container, stops the service and deletes its state. */
  stop(): Promise<void>;
};

/** Where the Podman binary is, or null. */
export function findPodman(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "podman");
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Starts `podman system service` on a socket of its own, with its storage, run state and events log in a new
 * temporary folder (so parallel runs and a developer's own containers never meet), resolves once the Docker API
 * answers and the busybox test image is in. Fails with what to do when Podman or busybox is missing.
 */
export async function startPodmanService(options: { dir?: string } = {}): Promise<PodmanService> {
  const binary = findPodman();
  if (!binary) {
    throw new Error(
      "The container tests need Podman (a real Docker-API engine) and it is not installed. Install it with " +
        "`sudo bash .ci/setup-podman` (Debian: podman runc busybox-static), or set ORBIT_TEST_CONTAINERS=off to leave " +
        "these tests out.",
    );
  }
  // A folder chosen by the caller (E2E: the app is told the socket before the service starts) or a new one.
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), "orbit-podman-")));
  await mkdir(dir, { recursive: true });
  const globalArgs = [
    "--root",
    path.join(dir, "root"),
    "--runroot",
    path.join(dir, "run"),
    "--tmpdir",
    path.join(dir, "tmp"),
  ];
  const env = { ...process.env, CONTAINERS_CONF: PODMAN_CONF };
  const socketPath = path.join(dir, "podman.sock");
  const podman = async (args: string[]) =>
    (await run(binary, [...globalArgs, ...args], { env, maxBuffer: 16 * 1024 * 1024 })).stdout;

  let child: ChildProcess | null = null;
  let output = "";
  const docker = new Docker({ socketPath });

  async function start(): Promise<void> {
    const started = spawn(
      binary as string,
      [...globalArgs, "system", "service", "--time=0", `unix://${socketPath}`],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child = started;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    started.stdout?.on("data", keep);
    started.stderr?.on("data", keep);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (started.exitCode !== null || started.signalCode !== null) {
        throw new Error(`podman system service exited before it answered:\n${output}`);
      }
      try {
        await docker.ping();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(
      `podman system service did not answer on ${socketPath} within ${READY_TIMEOUT_MS} ms:\n${output}`,
    );
  }

  async function kill(): Promise<void> {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
    current.kill("SIGKILL");
    await exited;
  }

  try {
    await start();
    await importTestImage(docker);
  } catch (error) {
    await kill();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }

  return {
    dockerHost: `unix://${socketPath}`,
    docker,
    pid: () => child?.pid ?? null,
    kill,
    start,
    podman,
    async stop() {
      await podman(["rm", "--all", "--force", "--time", "0"]).catch(() => undefined);
      await kill();
      await podman(["system", "reset", "--force"]).catch(() => undefined);
      // conmon keeps an exec session's monitor (health checks run as execs) for five minutes after it ends; those
      // were started for this service's state only, so they go with it.
      await killProcessesUsing(dir);
      // The storage driver mounts its folder; a reset normally unmounts it, but never leave one behind.
      await unmountUnder(dir);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

async function unmountUnder(dir: string): Promise<void> {
  const mounts = await readFile("/proc/self/mountinfo", "utf8").catch(() => "");
  const points = mounts
    .split("\n")
    .map((line) => line.split(" ")[4] ?? "")
    .filter((point) => point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const point of points) await run("umount", ["-l", point]).catch(() => undefined);
}

async function killProcessesUsing(dir: string): Promise<void> {
  const entries = await readdir("/proc").catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(dir)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  }
}
