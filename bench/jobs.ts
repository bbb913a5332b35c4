import { rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { describeMachine } from "./lib/describe-machine";
import { readProcessTreeCpuMs } from "./lib/read-process-cpu";
import { percentile } from "./lib/send-load";
import { BENCH_ROOT, type BenchStack } from "./lib/start-bench-stack";
import { type BenchWorker, startBenchWorker } from "./lib/start-bench-worker";
import { type JobSubscription, subscribeJobEvents } from "./lib/subscribe-job-events";
import { writeBenchmarksSection } from "./lib/write-benchmarks-section";

// The jobs benchmark (issue 6): playbook jobs per second through `POST /api/v1/jobs` with one worker (the stack's)
// and with two (one more `lib/worker/main.ts` process), every job checked to succeed with its own result; then many
// SSE subscribers on one job whose events are spaced out, every subscriber checked to get every event once, in
// order, and the delivery latency from the event's stored time to its receipt. See bench/README.md.

const JOBS = Number(process.env.BENCH_JOBS_COUNT ?? 300);
const SUBSCRIBERS = Number(process.env.BENCH_JOBS_SUBSCRIBERS ?? 100);
// Spaced steps of the streamed job: each is a tool_call and, SPACING_S later, its tool_result.
const SSE_STEPS = Number(process.env.BENCH_JOBS_SSE_STEPS ?? 20);
const SPACING_S = 0.25;
// The streamed job's first step waits this long, so every subscriber is connected before the events that count.
const HOLD_S = 4;
const SUBMIT_CONCURRENCY = 8;
const WARMUP = 12;
const DRAIN_MAX_MS = 180_000;
const SSE_MAX_MS = 120_000;

type Prisma = BenchStack["prisma"];
type Level = {
  workers: number;
  jobs: number;
  succeeded: number;
  wrong: number;
  outcomes: Record<string, number>;
  submitPerSecond: number;
  perSecond: number;
  queueToFinish: number[];
  run: number[];
  perWorker: number[];
  cpuPerJobMs: number | null;
};
type SseRun = {
  subscribers: number;
  events: number;
  complete: number;
  problems: string[];
  live: number[];
  backlog: number;
  connectMs: number[];
  status: string;
};

export async function benchJobs(stack: BenchStack): Promise<{ ok: boolean }> {
  const started = new Date();
  const loadBefore = loadavg();
  const { app, prisma, everything } = stack;
  const { registerTestServer } = await import("@/lib/test/register-test-server");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const { savePlaybook } = await import("@/lib/jobs/save-playbook");
  const run = `bench-jobs-${Date.now()}`;
  await registerTestServer({ slug: run, url: everything.url, fetchTools: true });
  const { key } = await createApiKey({ actor: { kind: "cli" }, input: { name: run, scopes: ["jobs"] } });
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const echoTwice = await savePlaybook({
    actor: { kind: "cli" },
    input: {
      slug: `${run}-echo`,
      name: "bench: echo twice",
      steps: [
        { id: "first", server: run, tool: "echo", arguments: "{ 'message': input }", onError: "stop" },
        {
          id: "second",
          server: run,
          tool: "echo",
          arguments: "{ 'message': steps.first.text }",
          onError: "stop",
        },
      ],
      timeoutSeconds: 120,
    },
  });
  const wait = (id: string, seconds: number) => ({
    id,
    server: run,
    tool: "trigger-long-running-operation",
    arguments: `{ 'duration': ${seconds}, 'steps': 1 }`,
    onError: "stop" as const,
  });
  const spaced = await savePlaybook({
    actor: { kind: "cli" },
    input: {
      slug: `${run}-spaced`,
      name: "bench: spaced events",
      steps: [
        wait("hold", HOLD_S),
        ...Array.from({ length: SSE_STEPS }, (_, i) => wait(`s${i + 1}`, SPACING_S)),
      ],
      timeoutSeconds: 300,
    },
  });
  console.log(`[bench] load average before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`);

  const workerLog = path.join(tmpdir(), `${run}-worker.log`);
  let extra: BenchWorker | null = null;
  const levels: Level[] = [];
  let sse: SseRun;
  try {
    const context = { appUrl: app.url, auth, prisma, playbook: echoTwice.slug };
    levels.push(await measureLevel({ ...context, workers: 1, cpuPids: [app.pid] }));
    extra = await startBenchWorker({ root: BENCH_ROOT, prisma, logFile: workerLog });
    console.log(`[bench] second worker started (pid ${extra.pid})`);
    levels.push(
      await measureLevel({ ...context, workers: 2, cpuPids: [app.pid, extra.pid], waitFor: extra.pid }),
    );
    await extra.stop();
    extra = null;
    sse = await measureSubscribers({ appUrl: app.url, auth, prisma, playbook: spaced.slug });
  } finally {
    await extra?.stop();
  }
  await rm(workerLog, { force: true });

  const loadAfter = loadavg();
  const ok =
    levels.every((l) => l.succeeded === l.jobs && l.wrong === 0) &&
    sse.problems.length === 0 &&
    sse.complete === sse.subscribers &&
    sse.status === "succeeded";
  const markdown = render({ stack, started, levels, sse, loadBefore, loadAfter });
  await writeBenchmarksSection(
    path.join(BENCH_ROOT, "docs/BENCHMARKS.md"),
    `jobs:${stack.postgres ? "postgres" : "embedded"}:${stack.redis ? "redis" : "memory"}`,
    markdown,
  );
  console.log(`\n${markdown}\n`);
  for (const problem of sse.problems.slice(0, 10)) console.log(`[bench] SSE problem: ${problem}`);
  return { ok };
}

/**
 * One throughput level: a few warm-up jobs (until `waitFor`'s worker has run one, when given), then JOBS jobs
 * through the REST API, SUBMIT_CONCURRENCY requests at a time, the three payload shapes in turn; then the database
 * is polled until all are terminal. Every job must have succeeded with "Echo: Echo: <its input>".
 */
async function measureLevel(options: {
  appUrl: string;
  auth: Record<string, string>;
  prisma: Prisma;
  playbook: string;
  workers: number;
  cpuPids: number[];
  waitFor?: number;
}): Promise<Level> {
  const { prisma, workers } = options;
  const submit = (count: number, tag: string) =>
    submitJobs({ appUrl: options.appUrl, auth: options.auth, playbook: options.playbook, count, tag });
  const warmDeadline = Date.now() + 60_000;
  for (let round = 0; ; round++) {
    const warm = await waitForJobs(prisma, await submit(WARMUP, `warm-${workers}-${round}`));
    const workerIds = new Set(warm.map((j) => j.workerId));
    const joined =
      options.waitFor === undefined || [...workerIds].some((id) => id?.endsWith(`-${options.waitFor}`));
    if (joined || Date.now() > warmDeadline) break;
  }

  const cpu = () => options.cpuPids.map(readProcessTreeCpuMs);
  const cpuBefore = cpu();
  const t0 = performance.now();
  const ids = await submit(JOBS, `level-${workers}`);
  const submitSeconds = (performance.now() - t0) / 1000;
  const jobs = await waitForJobs(prisma, ids);
  const cpuAfter = cpu();
  const cpuMs =
    cpuBefore.some((c) => c == null) || cpuAfter.some((c) => c == null)
      ? null
      : cpuAfter.reduce<number>((sum, c, i) => sum + c! - cpuBefore[i]!, 0);

  const outcomes: Record<string, number> = {};
  let wrong = 0;
  const byWorker = new Map<string, number>();
  for (const job of jobs) {
    outcomes[job.status] = (outcomes[job.status] ?? 0) + 1;
    const text = (job.result as { output?: { text?: string } } | null)?.output?.text;
    if (job.status === "succeeded" && text !== `Echo: Echo: ${job.inputText}`) wrong++;
    if (job.workerId) byWorker.set(job.workerId, (byWorker.get(job.workerId) ?? 0) + 1);
  }
  const finished = jobs.filter((j) => j.finishedAt);
  const first = Math.min(...jobs.map((j) => j.createdAt.getTime()));
  const last = Math.max(...finished.map((j) => j.finishedAt!.getTime()));
  const level: Level = {
    workers,
    jobs: ids.length,
    succeeded: outcomes.succeeded ?? 0,
    wrong,
    outcomes,
    submitPerSecond: ids.length / submitSeconds,
    perSecond: finished.length / ((last - first) / 1000),
    queueToFinish: finished.map((j) => j.finishedAt!.getTime() - j.createdAt.getTime()),
    run: finished.filter((j) => j.startedAt).map((j) => j.finishedAt!.getTime() - j.startedAt!.getTime()),
    perWorker: [...byWorker.values()].sort((a, b) => b - a),
    cpuPerJobMs: cpuMs == null ? null : cpuMs / ids.length,
  };
  console.log(`[bench] ${formatLevel(level)} | outcomes ${JSON.stringify(outcomes)}`);
  return level;
}

/** POSTs `count` jobs, SUBMIT_CONCURRENCY at a time; every answer must be 202 with a job id. */
async function submitJobs(options: {
  appUrl: string;
  auth: Record<string, string>;
  playbook: string;
  count: number;
  tag: string;
}): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const sender = async () => {
    while (next < options.count) {
      const n = next++;
      const text = `bench ${options.tag} #${n}`;
      const shapes = [{ input: text }, { command: text }, { textEntries: [{ content: text, type: "text" }] }];
      const response = await fetch(`${options.appUrl}/api/v1/jobs`, {
        method: "POST",
        headers: options.auth,
        body: JSON.stringify({ ...shapes[n % 3], playbook: options.playbook }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { jobId?: string };
      if (response.status !== 202 || !body.jobId) {
        throw new Error(`POST /api/v1/jobs answered ${response.status}: ${JSON.stringify(body)}`);
      }
      ids.push(body.jobId);
    }
  };
  await Promise.all(Array.from({ length: SUBMIT_CONCURRENCY }, sender));
  return ids;
}

/** Polls until every job is terminal or DRAIN_MAX_MS passes; the jobs as they then are. */
async function waitForJobs(prisma: Prisma, ids: string[]) {
  const deadline = Date.now() + DRAIN_MAX_MS;
  for (;;) {
    const pending = await prisma.job.count({
      where: { id: { in: ids }, status: { in: ["queued", "running"] } },
    });
    if (pending === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return prisma.job.findMany({
    where: { id: { in: ids } },
    select: {
      status: true,
      result: true,
      inputText: true,
      workerId: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
    },
  });
}

/**
 * SUBSCRIBERS streams on one job whose first step holds HOLD_S seconds (all streams connect meanwhile) and whose
 * SSE_STEPS later steps each take SPACING_S. Each subscriber's events must be exactly the job's stored events, seq
 * 1…n in order. Latency counts only events stored after that subscriber's stream opened (live, not backlog).
 */
async function measureSubscribers(options: {
  appUrl: string;
  auth: Record<string, string>;
  prisma: Prisma;
  playbook: string;
}): Promise<SseRun> {
  const [jobId] = await submitJobs({ ...options, count: 1, tag: "sse" });
  const url = `${options.appUrl}/api/v1/jobs/${jobId}/events`;
  const t0 = Date.now();
  const subscriptions: JobSubscription[] = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, () =>
      subscribeJobEvents({ url, headers: { authorization: options.auth.authorization! }, maxMs: SSE_MAX_MS }),
    ),
  );
  const job = await options.prisma.job.findUniqueOrThrow({
    where: { id: jobId },
    select: { status: true, events: { select: { seq: true, type: true }, orderBy: { seq: "asc" } } },
  });
  const stored = job.events;
  const problems: string[] = [];
  const live: number[] = [];
  let backlog = 0;
  let complete = 0;
  subscriptions.forEach((s, i) => {
    const got = s.events.map((e) => `${e.seq}:${e.type}`).join(",");
    const want = stored.map((e) => `${e.seq}:${e.type}`).join(",");
    if (s.error) problems.push(`subscriber ${i}: ${s.error}`);
    else if (!s.ended) problems.push(`subscriber ${i}: the stream did not end`);
    else if (got !== want) problems.push(`subscriber ${i}: got [${got}], stored [${want}]`);
    else complete++;
    for (const e of s.events) {
      if (e.storedAt >= s.openedAt) live.push(e.receivedAt - e.storedAt);
      else backlog++;
    }
  });
  const run: SseRun = {
    subscribers: SUBSCRIBERS,
    events: stored.length,
    complete,
    problems,
    live,
    backlog,
    connectMs: subscriptions.map((s) => s.openedAt - t0),
    status: job.status,
  };
  console.log(
    `[bench] SSE: ${complete}/${SUBSCRIBERS} subscribers got all ${stored.length} events once, in order; live p50 ${ms(percentile(live, 50))} ms, p99 ${ms(percentile(live, 99))} ms (${live.length} live, ${backlog} backlog); job ${job.status}`,
  );
  return run;
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(1));

function formatLevel(l: Level): string {
  return `| ${l.workers} | ${l.jobs} | ${l.succeeded} / ${l.jobs - l.succeeded} / ${l.wrong} | ${Math.round(l.submitPerSecond)} | ${l.perSecond.toFixed(1)} | ${ms(percentile(l.queueToFinish, 50))} | ${ms(percentile(l.queueToFinish, 99))} | ${ms(percentile(l.run, 50))} | ${l.perWorker.join(" + ")} | ${l.cpuPerJobMs == null ? "–" : l.cpuPerJobMs.toFixed(1)} |`;
}

function render(options: {
  stack: BenchStack;
  started: Date;
  levels: Level[];
  sse: SseRun;
  loadBefore: number[];
  loadAfter: number[];
}): string {
  const { stack, sse } = options;
  const m = describeMachine();
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
  const counts = [
    process.env.BENCH_JOBS_COUNT ? `BENCH_JOBS_COUNT=${JOBS}` : "",
    process.env.BENCH_JOBS_SUBSCRIBERS ? `BENCH_JOBS_SUBSCRIBERS=${SUBSCRIBERS}` : "",
    process.env.BENCH_JOBS_SSE_STEPS ? `BENCH_JOBS_SSE_STEPS=${SSE_STEPS}` : "",
  ].filter(Boolean);
  const command = `${[...counts, stack.command].join(" ")} -- jobs`;
  const consumers = process.env.ORBIT_JOB_CONCURRENCY ?? 4;
  return `## Jobs — ${stack.label}

- Date: ${options.started.toISOString()}
- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}; load average (1/5/15 min) ${load(options.loadBefore)} before, ${load(options.loadAfter)} after — the benchmark, app (web + workers), database${stack.redis ? ", Redis" : ""} and server-everything all on this machine, over loopback
- Command: \`${command}\`
- Setup: \`npm start\` (production build, web + its worker, ${consumers} job consumers per worker); "2 workers" adds one \`lib/worker/main.ts\` process with the same environment and niceness. Playbook: two server-everything \`echo\` steps, the second echoing the first's result. Jobs are started through \`POST /api/v1/jobs\` (API key, ${SUBMIT_CONCURRENCY} requests at a time, the three payload shapes in turn) after ${WARMUP}+ untimed warm-up jobs; every job must end \`succeeded\` with \`Echo: Echo: <its input>\`
- jobs/s = jobs ÷ (last \`finishedAt\` − first \`createdAt\`); queue→finish = a job's \`finishedAt\` − \`createdAt\`, so it includes the wait behind the jobs submitted before it (all ${JOBS} arrive faster than they run); run = \`finishedAt\` − \`startedAt\`. CPU/job: Orbit's processes (web, workers), ms

| workers | jobs | succeeded / not / wrong result | submitted/s | jobs/s | queue→finish p50 ms | p99 ms | run p50 ms | jobs per worker | CPU ms/job |
|---|---|---|---|---|---|---|---|---|---|
${options.levels.map(formatLevel).join("\n")}

Each worker's job consumer (\`lib/queue/run-queue-consumer.ts\`, ${consumers} jobs at a time) fetches again at once while jobs keep coming and as soon as one finishes, and waits its polling interval only after an empty fetch, so throughput is bound by CPU, not polling: a second worker process on the same two cores adds little, on a second machine it would add its own cores.

**${sse.subscribers} SSE subscribers on one job** (\`GET /api/v1/jobs/{id}/events\`, one connection each, opened together while the job's first step holds ${HOLD_S} s; then ${SSE_STEPS} steps of ${SPACING_S} s, ${sse.events} events in all; the job ended \`${sse.status}\`): ${sse.complete} of ${sse.subscribers} received every stored event exactly once, in \`seq\` order, and saw the stream end${sse.problems.length ? ` (${sse.problems.length} problems, first: ${sse.problems[0]})` : ""}. Delivery latency, event's stored \`createdAt\` → parsed by the subscriber, over ${sse.live.length} live deliveries (${sse.backlog} delivered from the backlog at connect are not counted): **p50 ${ms(percentile(sse.live, 50))} ms, p99 ${ms(percentile(sse.live, 99))} ms**, max ${ms(Math.max(...sse.live))} ms. Streams opened (answer headers) p50 ${ms(percentile(sse.connectMs, 50))} ms, max ${ms(Math.max(...sse.connectMs))} ms after the first request. ${stack.redis ? "Events cross from the worker to the web process through the Redis fan-out, which each listening process reads every second (lib/redis/create-event-fanout.ts); the stream's own database read every 3 s is the backstop." : "Without Redis the fan-out is in-process only, so events from the worker reach the web process's streams through the stream's database read every 3 s."}`;
}
