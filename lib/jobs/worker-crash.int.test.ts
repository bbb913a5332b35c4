import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { checkReadiness } from "@/lib/health/check-readiness";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { startTestQueue } from "@/lib/test/start-test-queue";
import { type JobWorker, runJobWorker } from "./run-job-worker";
import { savePlaybook } from "./save-playbook";
import { startJob } from "./start-job";

// A real worker process (the `npm run worker` entry) is SIGKILLed while a job's slow step runs: nothing tells the
// queue. The queue's own expiry (the job's timeout plus ORBIT_JOB_EXPIRY_GRACE_SECONDS) notices, another worker
// takes the job again, and it ends; it is never left "running". Short beats and grace keep the test short.
process.env.ORBIT_JOB_EXPIRY_GRACE_SECONDS = "1";
process.env.ORBIT_WORKER_HEARTBEAT_SECONDS = "1";
process.env.ORBIT_JOB_RETRY_LIMIT = "2";

const run = randomUUID().slice(0, 8);
const prisma = getPrisma();
const entry = fileURLToPath(new URL("../worker/main.ts", import.meta.url));
let everything: EverythingServer;
let child: ChildProcess | null = null;
let rescuer: JobWorker | null = null;

beforeAll(async () => {
  everything = await startEverythingServer();
});

afterAll(async () => {
  child?.kill("SIGKILL");
  await rescuer?.stop(0);
  await flushRequestLog();
  await everything?.stop();
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a worker killed mid-job", () => {
  it("leaves the job to be retried by another worker, never stuck running", async () => {
    const serverSlug = `crash-${run}`;
    await registerTestServer({ slug: serverSlug, url: everything.url, fetchTools: true });
    await savePlaybook({
      actor: { kind: "cli" },
      input: {
        slug: `crash-${run}`,
        name: "Slow",
        timeoutSeconds: 6,
        steps: [
          {
            id: "slow",
            server: serverSlug,
            tool: "trigger-long-running-operation",
            arguments: "{ 'duration': 3, 'steps': 3 }",
            onError: "stop",
          },
        ],
      },
    });

    child = spawn(process.execPath, ["--import", "tsx", entry], {
      env: {
        ...process.env,
        ORBIT_JOB_CONCURRENCY: "1",
        // Nothing else of the worker's should reach outside the test: no engine, rare health passes.
        DOCKER_HOST: "unix:///nonexistent/orbit-test.sock",
        ORBIT_HEALTH_INTERVAL_SECONDS: "3600",
        ORBIT_TOOLS_REFRESH_SECONDS: "3600",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output = (output + d).slice(-4000)));
    child.stderr?.on("data", (d) => (output = (output + d).slice(-4000)));
    const childId = `-${child.pid}`;

    // The worker's heartbeat makes readiness say "ok".
    await until(
      () => checkReadiness(),
      (r) => r.checks.worker === "ok",
      30_000,
    ).catch((error) => {
      throw new Error(`${error}\nworker output:\n${output}`);
    });

    const { jobId } = await startJob({
      createdBy: "test",
      playbook: `crash-${run}`,
      input: { shape: "input", text: "x", payload: { input: "x" } },
    });
    await until(
      () => prisma.jobEvent.findFirst({ where: { jobId, type: "tool_call" } }),
      (event) => event !== null,
      20_000,
    );
    const running = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(running.status).toBe("running");
    expect(running.workerId?.endsWith(childId)).toBe(true);

    child.kill("SIGKILL");
    await new Promise((resolve) => child!.once("exit", resolve));
    // Three missed beats: the dead worker is reported stale, not ok.
    await until(
      () => checkReadiness(),
      (r) => r.checks.worker === "stale",
      10_000,
    );

    // Its maintenance (every second) is what notices the dead worker's entry expired and offers it again.
    rescuer = runJobWorker({
      queue: await startTestQueue({ maintenanceSeconds: 1 }),
      workerId: `rescuer-${run}`,
      concurrency: 1,
      pollMs: 500,
    });
    const job = await until(
      () => prisma.job.findUniqueOrThrow({ where: { id: jobId } }),
      (j) => j.status !== "running" && j.status !== "queued",
      40_000,
    );
    expect(job).toMatchObject({ status: "succeeded", attempts: 2, workerId: `rescuer-${run}` });
    const types = (await prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } })).map(
      (e) => e.type,
    );
    expect(types.filter((t) => t === "job_started")).toHaveLength(2);
    expect(types.at(-1)).toBe("job_finished");
  }, 120_000);
});
