import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/v1/jobs/[id]/cancel/route";
import { GET as eventsRoute } from "@/app/api/v1/jobs/[id]/events/route";
import { GET as getJobRoute } from "@/app/api/v1/jobs/[id]/route";
import { POST as startRoute } from "@/app/api/v1/jobs/route";
import { POST as webhookRoute } from "@/app/api/webhooks/[slug]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { createIntegration } from "@/lib/integrations/create-integration";
import type { Queue } from "@/lib/queue/create-queue";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { startTestQueue } from "@/lib/test/start-test-queue";
import type { JobEvent } from "./job-event-types";
import type { PlaybookStep } from "./playbook-steps-schema";
import { type JobWorker, runJobWorker } from "./run-job-worker";
import { savePlaybook } from "./save-playbook";
import { readSse } from "./test/read-sse";

// The jobs API end to end in one process: route handlers called as Next calls them, a real pg-boss queue on the
// test database, in-process workers, and the reference MCP server behind the one tool-call path.

const run = randomUUID().slice(0, 8);
const prisma = getPrisma();
let everything: EverythingServer;
let serverSlug: string;
let jobsKey: string;
let otherKey: string;
let worker: JobWorker;

beforeAll(async () => {
  everything = await startEverythingServer();
  serverSlug = `jobs-${run}`;
  await registerTestServer({ slug: serverSlug, url: everything.url, fetchTools: true });
  const cli = { kind: "cli" } as const;
  jobsKey = (await createApiKey({ actor: cli, input: { name: `jobs ${run}`, scopes: ["jobs"] } })).key;
  otherKey = (await createApiKey({ actor: cli, input: { name: `mcp ${run}`, scopes: ["mcp"] } })).key;
  worker = await startWorker("a");
});

afterAll(async () => {
  await worker?.stop(0);
  await flushRequestLog();
  await everything?.stop();
});

async function startWorker(name: string): Promise<JobWorker> {
  return runJobWorker({ queue: await queue(), workerId: `test-${run}-${name}`, concurrency: 2, pollMs: 500 });
}

// One supervising queue for the file; the route handlers send through it too.
let started: Promise<Queue> | undefined;
const queue = () => {
  started ??= startTestQueue();
  return started;
};

let playbooks = 0;
async function playbook(
  steps: Omit<PlaybookStep, "server" | "onError">[],
  extra: Partial<PlaybookStep> = {},
  timeoutSeconds = 60,
) {
  const slug = `pb-${run}-${++playbooks}`;
  await savePlaybook({
    actor: { kind: "cli" },
    input: {
      slug,
      name: slug,
      timeoutSeconds,
      steps: steps.map((step) => ({ server: serverSlug, onError: "stop" as const, ...step, ...extra })),
    },
  });
  return slug;
}

const echoThenEcho = () =>
  playbook([
    { id: "first", tool: "echo", arguments: "{ 'message': input }" },
    { id: "second", tool: "echo", arguments: "{ 'message': steps.first.text & ' again' }" },
  ]);

function call(
  handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>,
  path: string,
  init: RequestInit & { id?: string; key?: string | null } = {},
) {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set("authorization", `Bearer ${init.key ?? jobsKey}`);
  return handler(new Request(`http://127.0.0.1${path}`, { ...init, headers }), {
    params: Promise.resolve({ id: init.id ?? "" }),
  });
}

async function start(body: unknown, key?: string | null): Promise<Response> {
  return call((r) => startRoute(r), "/api/v1/jobs", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json" },
    key,
  });
}

async function waitForJob(jobId: string, done: (status: string) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await (await call(getJobRoute, `/api/v1/jobs/${jobId}`, { id: jobId })).json();
    if (done(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const ended = (status: string) => !["queued", "running"].includes(status);

async function streamEvents(jobId: string, lastEventId?: string, until?: (events: JobEvent[]) => boolean) {
  const response = await call(eventsRoute, `/api/v1/jobs/${jobId}/events`, {
    id: jobId,
    headers: lastEventId ? { "last-event-id": lastEventId } : {},
  });
  expect(response.headers.get("content-type")).toBe("text/event-stream");
  const read = await readSse(
    response,
    until ? (events) => until(events.map((e) => JSON.parse(e.data))) : undefined,
  );
  for (const event of read.events) expect(event.id).toBe(String(JSON.parse(event.data).seq));
  return { ...read, parsed: read.events.map((e) => JSON.parse(e.data) as JobEvent) };
}

describe("POST /api/v1/jobs", () => {
  it("runs a playbook against server-everything: the second step uses the first step's result", async () => {
    const slug = await echoThenEcho();
    const response = await start({ input: "hello", playbook: slug });
    expect(response.status).toBe(202);
    const started = await response.json();
    expect(started).toEqual({
      jobId: expect.any(String),
      status: "queued",
      streamUrl: `/api/v1/jobs/${started.jobId}/events`,
    });

    const job = await waitForJob(started.jobId, ended);
    expect(job.status).toBe("succeeded");
    expect(job.result.output.text).toBe("Echo: Echo: hello again");
    expect(job.result.steps.first.text).toBe("Echo: hello");

    const { parsed, ended: streamEnded } = await streamEvents(started.jobId);
    expect(streamEnded).toBe(true);
    expect(parsed.map((e) => e.type)).toEqual([
      "job_started",
      "tool_call",
      "tool_result",
      "tool_call",
      "tool_result",
      "result",
      "job_finished",
    ]);
    expect(parsed.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parsed[3]!.data.arguments).toEqual({ message: "Echo: hello again" });
    // Each call went through the one tool-call path and into the request log as a job's call.
    await flushRequestLog();
    const logged = await prisma.requestLog.count({ where: { source: "job", serverSlug, tool: "echo" } });
    expect(logged).toBeGreaterThanOrEqual(2);
  });

  it("accepts the three payload shapes and gives each job the same text to work on", async () => {
    const slug = await playbook([{ id: "say", tool: "echo", arguments: "{ 'message': input }" }]);
    const shapes = [
      { body: { input: "one" }, text: "one" },
      { body: { command: "two" }, text: "two" },
      {
        body: {
          textEntries: [
            { content: "three", type: "text" },
            { content: "four", type: "text" },
          ],
        },
        text: "three\n\nfour",
      },
    ];
    for (const { body, text } of shapes) {
      const response = await start({ ...body, playbook: slug });
      expect(response.status).toBe(202);
      const job = await waitForJob((await response.json()).jobId, ended);
      expect(job).toMatchObject({ status: "succeeded", input: text, inputShape: Object.keys(body)[0] });
      expect(job.result.output.text).toBe(`Echo: ${text}`);
    }
  });

  it("refuses bad requests in the error envelope", async () => {
    const slug = await echoThenEcho();
    const cases: [unknown, number, string][] = [
      ["{not json", 400, "bad_request"],
      [{ playbook: slug }, 422, "unprocessable"],
      [{ input: "a", command: "b", playbook: slug }, 422, "unprocessable"],
      [{ textEntries: [{ content: "x", type: "image" }], playbook: slug }, 422, "unprocessable"],
      [{ input: "a", playbook: `missing-${run}` }, 404, "not_found"],
    ];
    for (const [body, status, code] of cases) {
      const response = await start(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await response.json()).error.code).toBe(code);
    }
    expect((await start({ input: "a", playbook: slug }, null)).status).toBe(401);
    const forbidden = await start({ input: "a", playbook: slug }, otherKey);
    expect(forbidden.status).toBe(403);
    expect(await prisma.job.count({ where: { playbook: { slug } } })).toBe(0);
  });
});

describe("GET /api/v1/jobs/{id}/events", () => {
  it("resumes after a dropped connection from Last-Event-ID, losing and repeating nothing", async () => {
    const slug = await playbook([
      { id: "a", tool: "echo", arguments: "{ 'message': input }" },
      { id: "slow", tool: "trigger-long-running-operation", arguments: "{ 'duration': 1.5, 'steps': 3 }" },
      { id: "b", tool: "echo", arguments: "{ 'message': steps.a.text }" },
    ]);
    const { jobId } = await (await start({ input: "resume", playbook: slug })).json();
    // Drop the connection while the slow step runs: after its tool_call arrived.
    const first = await streamEvents(jobId, undefined, (events) =>
      events.some((e) => e.type === "tool_call" && e.data.step === "slow"),
    );
    expect(first.ended).toBe(false);
    const lastSeen = first.events.at(-1)!.id!;
    const rest = await streamEvents(jobId, lastSeen);
    expect(rest.ended).toBe(true);

    const seqs = [...first.parsed, ...rest.parsed].map((e) => e.seq);
    const stored = await prisma.jobEvent.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
    expect(seqs).toEqual(stored.map((e) => e.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(rest.parsed.at(-1)).toMatchObject({ type: "job_finished", data: { status: "succeeded" } });

    // ?after= resumes the same way; after the last event there is nothing left and the stream ends at once.
    const tail = await call(eventsRoute, `/api/v1/jobs/${jobId}/events?after=${seqs.length}`, { id: jobId });
    expect((await readSse(tail)).events).toEqual([]);
  });

  it("answers 404 for an unknown job and 400 for a bad Last-Event-ID", async () => {
    const missing = await call(eventsRoute, "/api/v1/jobs/nope/events", { id: "nope" });
    expect(missing.status).toBe(404);
    const slug = await echoThenEcho();
    const { jobId } = await (await start({ input: "x", playbook: slug })).json();
    const bad = await call(eventsRoute, `/api/v1/jobs/${jobId}/events`, {
      id: jobId,
      headers: { "last-event-id": "x" },
    });
    expect(bad.status).toBe(400);
  });
});

describe("cancel and timeout", () => {
  it("cancels a running job by aborting its slow step", async () => {
    const slug = await playbook([
      { id: "slow", tool: "trigger-long-running-operation", arguments: "{ 'duration': 20, 'steps': 20 }" },
    ]);
    const { jobId } = await (await start({ input: "x", playbook: slug })).json();
    await streamEvents(jobId, undefined, (events) => events.some((e) => e.type === "tool_call"));
    const asked = Date.now();
    const cancel = await call(cancelRoute, `/api/v1/jobs/${jobId}/cancel`, { id: jobId, method: "POST" });
    expect(cancel.status).toBe(202);
    const job = await waitForJob(jobId, ended, 10_000);
    expect(job).toMatchObject({ status: "cancelled", error: { code: "cancelled" } });
    expect(Date.now() - asked).toBeLessThan(5_000);
    const again = await call(cancelRoute, `/api/v1/jobs/${jobId}/cancel`, { id: jobId, method: "POST" });
    expect(again.status).toBe(409);
    const { parsed } = await streamEvents(jobId);
    expect(parsed.at(-1)).toMatchObject({ type: "job_finished", data: { status: "cancelled" } });
  });

  it("times a job out when its playbook's timeout passes", async () => {
    const slug = await playbook(
      [{ id: "slow", tool: "trigger-long-running-operation", arguments: "{ 'duration': 20, 'steps': 20 }" }],
      {},
      1,
    );
    const { jobId } = await (await start({ command: "x", playbook: slug })).json();
    const job = await waitForJob(jobId, ended, 15_000);
    expect(job).toMatchObject({ status: "timed_out", error: { code: "timeout" } });
  });

  it("stops at a failing step under the default policy, and goes on under continue", async () => {
    const stopping = await playbook([
      { id: "bad", tool: "no-such-tool" },
      { id: "after", tool: "echo", arguments: "{ 'message': 'never' }" },
    ]);
    const stopped = await waitForJob(
      (await (await start({ input: "x", playbook: stopping })).json()).jobId,
      ended,
    );
    expect(stopped.status).toBe("failed");
    expect(stopped.error.message).toContain('Step "bad" failed');

    const going = await playbook(
      [
        { id: "bad", tool: "no-such-tool" },
        { id: "skipped", tool: "echo", arguments: "{ 'message': 'no' }", when: "$exists(steps.bad.text)" },
        { id: "after", tool: "echo", arguments: "{ 'message': 'yes' }" },
      ],
      { onError: "continue" },
    );
    const went = await waitForJob((await (await start({ input: "x", playbook: going })).json()).jobId, ended);
    expect(went.status).toBe("succeeded");
    expect(went.result.output.text).toBe("Echo: yes");
    expect(went.result.steps.skipped).toBeUndefined();
    expect(went.result.steps.bad.error.code).toBeTruthy();
  });
});

describe("two workers", () => {
  it("never run the same job twice", async () => {
    const second = await startWorker("b");
    try {
      const slug = await playbook([{ id: "say", tool: "echo", arguments: "{ 'message': input }" }]);
      const ids: string[] = [];
      for (let i = 0; i < 16; i++)
        ids.push((await (await start({ input: `n${i}`, playbook: slug })).json()).jobId);
      const jobs = await Promise.all(ids.map((id) => waitForJob(id, ended, 30_000)));
      expect(jobs.map((j) => j.status)).toEqual(ids.map(() => "succeeded"));
      expect(jobs.map((j) => j.attempts)).toEqual(ids.map(() => 1));
      const starts = await prisma.jobEvent.groupBy({
        by: ["jobId"],
        where: { jobId: { in: ids }, type: { in: ["job_started", "tool_call"] } },
        _count: true,
      });
      expect(starts.map((s) => s._count).sort()).toEqual(ids.map(() => 2));
      const workers = await prisma.job.findMany({ where: { id: { in: ids } }, select: { workerId: true } });
      expect(new Set(workers.map((w) => w.workerId)).size).toBeGreaterThanOrEqual(1);
    } finally {
      await second.stop(0);
    }
  });
});

describe("a stopping worker", () => {
  it("hands a job it cannot finish within the grace back to the queue, and another worker finishes it", async () => {
    // The shared worker must not take this job: stop it for the test and start it again after.
    await worker.stop(0);
    const leaving = await startWorker("leaving");
    let jobId = "";
    try {
      const slug = await playbook([
        { id: "slow", tool: "trigger-long-running-operation", arguments: "{ 'duration': 2, 'steps': 2 }" },
      ]);
      jobId = (await (await start({ input: "x", playbook: slug })).json()).jobId;
      await streamEvents(jobId, undefined, (events) => events.some((e) => e.type === "tool_call"));
      await leaving.stop(300);
      const handed = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(handed).toMatchObject({ status: "queued", workerId: null });
    } finally {
      worker = await startWorker("a2");
    }
    const done = await waitForJob(jobId, ended, 20_000);
    expect(done).toMatchObject({ status: "succeeded", attempts: 2 });
    const { parsed } = await streamEvents(jobId);
    expect(
      parsed.some((e) => e.type === "status_update" && String(e.data.message).includes("shutting down")),
    ).toBe(true);
  });
});

describe("webhook routes", () => {
  it("start a playbook job with the delivery's payload as its input", async () => {
    const slug = await playbook([
      { id: "title", tool: "echo", arguments: "{ 'message': payload.issue.title }" },
    ]);
    const secret = `secret-${run}`;
    const server = await prisma.server.findUniqueOrThrow({ where: { slug: serverSlug } });
    const operator = { kind: "cli" } as const;
    const route = {
      name: "Reindex",
      isFallback: true,
      actionType: "start_job" as const,
      serverId: server.id,
      toolName: "echo",
    };
    const base = { name: `Jobs ${run}`, kind: "github" as const, mode: "sync" as const, secrets: [secret] };
    // The route editor's rule: a route that starts a job names its playbook.
    await expect(
      createIntegration({ actor: operator, input: { ...base, slug: `jobs-${run}-x`, routes: [route] } }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const integration = await createIntegration({
      actor: operator,
      input: { ...base, slug: `jobs-${run}`, routes: [{ ...route, playbook: slug }] },
    });
    expect(integration.routes[0]).toMatchObject({ actionType: "start_job", playbook: slug });

    const body = JSON.stringify({ action: "opened", issue: { title: "Reindex me", labels: [] } });
    const response = await webhookRoute(
      new Request(`http://localhost/api/webhooks/${integration.slug}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": await sign(secret, body),
          "x-orbit-client-ip": "198.51.100.77",
        },
        body,
      }),
      { params: Promise.resolve({ slug: integration.slug }) },
    );
    expect(response.status).toBe(200);
    const receipt = await response.json();
    const job = await prisma.job.findFirstOrThrow({ where: { deliveryId: receipt.deliveryId } });
    expect(job).toMatchObject({ inputShape: "webhook", createdBy: `delivery:${receipt.deliveryId}` });
    const done = await waitForJob(job.id, ended);
    expect(done.result.output.text).toBe("Echo: Reindex me");
    const delivery = await prisma.delivery.findUniqueOrThrow({ where: { id: receipt.deliveryId } });
    expect(delivery.status).toBe("succeeded");
  });
});
