import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as cancelRoute } from "@/app/api/v1/jobs/[id]/cancel/route";
import { GET as eventsRoute } from "@/app/api/v1/jobs/[id]/events/route";
import { POST as startRoute } from "@/app/api/v1/jobs/route";
import { POST as webhookRoute } from "@/app/api/webhooks/[slug]/route";
import { saveAgent } from "@/lib/agents/save-agent";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { errorResponse } from "@/lib/http/error-response";
import { createIntegration } from "@/lib/integrations/create-integration";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { startTestQueue } from "@/lib/test/start-test-queue";
import type { JobEvent } from "./job-event-types";
import { type JobWorker, runJobWorker } from "./run-job-worker";
import { readSse } from "./test/read-sse";

// The agent job kind end to end: the jobs API as Next calls it, a real queue and worker, the AI SDK talking to a
// local OpenAI-compatible stand-in over HTTP, and server-everything behind the one tool-call path. The environment
// is read once per process, so the stand-in starts (and OPENAI_* are set) before anything reads it.
const openai = await vi.hoisted(async () => {
  const { startOpenAiStandIn } = await import("@/lib/test/start-openai-stand-in");
  const standIn = await startOpenAiStandIn({
    apiKey: "sk-stand-in",
    loopModel: "loop-model",
    slowModel: "slow-model",
    brokenModel: "broken-model",
  });
  process.env.OPENAI_BASE_URL = standIn.baseUrl;
  process.env.OPENAI_API_KEY = "sk-stand-in";
  process.env.ORBIT_AGENT_MODEL = "stand-in-model";
  return standIn;
});

const run = randomUUID().slice(0, 8);
const prisma = getPrisma();
let everything: EverythingServer;
let serverSlug: string;
let alias: string;
let jobsKey: string;
let worker: JobWorker;

beforeAll(async () => {
  everything = await startEverythingServer();
  serverSlug = `agent-${run}`;
  alias = (await registerTestServer({ slug: serverSlug, url: everything.url, fetchTools: true })).alias;
  jobsKey = (
    await createApiKey({ actor: { kind: "cli" }, input: { name: `agents ${run}`, scopes: ["jobs"] } })
  ).key;
  worker = runJobWorker({
    queue: await startTestQueue(),
    workerId: `agent-test-${run}`,
    concurrency: 2,
    pollMs: 500,
  });
});

afterAll(async () => {
  await worker?.stop(0);
  await flushRequestLog();
  await everything?.stop();
  await openai.stop();
});

let agents = 0;
async function agent(
  extra: { model?: string; stepLimit?: number; allowedTools?: string[]; timeoutSeconds?: number } = {},
) {
  const slug = `agent-${run}-${++agents}`;
  await saveAgent({
    actor: { kind: "cli" },
    input: {
      slug,
      name: slug,
      systemPrompt: "You repeat what the user says through the echo tool.",
      allowedTools: [`${serverSlug}/echo`, "some-other-server/*"],
      stepLimit: 5,
      timeoutSeconds: 60,
      ...extra,
    },
  });
  return slug;
}

async function start(body: unknown): Promise<Response> {
  return startRoute(
    new Request("http://127.0.0.1/api/v1/jobs", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", authorization: `Bearer ${jobsKey}` },
    }),
  );
}

async function events(jobId: string, until?: (events: JobEvent[]) => boolean): Promise<JobEvent[]> {
  const response = await eventsRoute(
    new Request(`http://127.0.0.1/api/v1/jobs/${jobId}/events`, {
      headers: { authorization: `Bearer ${jobsKey}` },
    }),
    { params: Promise.resolve({ id: jobId }) },
  );
  const read = await readSse(
    response,
    until ? (events) => until(events.map((e) => JSON.parse(e.data) as JobEvent)) : undefined,
  );
  if (!until) expect(read.ended).toBe(true);
  return read.events.map((e) => JSON.parse(e.data) as JobEvent);
}

describe("agent jobs", () => {
  it("calls the allowed gateway tool, streams its answer in batches and ends with the final text", async () => {
    const slug = await agent();
    const before = openai.requests.length;
    const response = await start({ input: "hello agent", agent: slug });
    expect(response.status).toBe(202);
    const { jobId } = await response.json();

    const stream = await events(jobId);
    const types = stream.map((e) => e.type);
    const deltas = stream.filter((e) => e.type === "text_delta");
    expect(types.slice(0, 3)).toEqual(["job_started", "tool_call", "tool_result"]);
    expect(types.slice(-2)).toEqual(["result", "job_finished"]);
    expect(types.slice(3, -2).every((t) => t === "text_delta")).toBe(true);
    // The stand-in streams ~8 words 30 ms apart: batched, that is several events but fewer than the words.
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.length).toBeLessThan(8);

    expect(stream[1]!.data).toMatchObject({
      name: `${alias}__echo`,
      server: serverSlug,
      tool: "echo",
      arguments: { message: "hello agent" },
    });
    expect(stream[2]!.data).toMatchObject({ isError: false, text: "Echo: hello agent" });
    const finalText = "The tool answered: Echo: hello agent. Done.";
    expect(deltas.map((e) => e.data.text).join("")).toBe(finalText);
    expect(stream.at(-2)!.data).toMatchObject({ result: { text: finalText, steps: 2 } });
    expect(stream.at(-1)!.data).toMatchObject({ status: "succeeded" });

    // What the model was offered and told: only the allowed tool, with the registry's schema; then the tool's answer.
    const [first, second] = openai.requests.slice(before);
    expect(first!.model).toBe("stand-in-model");
    expect(first!.messages[0]).toMatchObject({
      role: "system",
      content: expect.stringContaining("echo tool"),
    });
    expect(first!.tools!.map((t) => t.function.name)).toEqual([`${alias}__echo`]);
    expect(first!.tools![0]!.function.parameters).toMatchObject({
      type: "object",
      properties: { message: expect.any(Object) },
    });
    expect(second!.messages.at(-1)).toMatchObject({ role: "tool" });
    expect(JSON.stringify(second!.messages.at(-1))).toContain("Echo: hello agent");

    // The call went through the gateway's tool-call path as this job's.
    await flushRequestLog();
    const logged = await prisma.requestLog.findMany({ where: { source: "job", serverSlug, tool: "echo" } });
    expect(logged.some((row) => JSON.stringify(row.requestBody).includes(jobId))).toBe(true);
  });

  it("stops a model that keeps calling tools at the agent's step limit and fails the job", async () => {
    const slug = await agent({ model: "loop-model", stepLimit: 3 });
    const before = openai.requests.length;
    const { jobId } = await (await start({ command: "again and again", agent: slug })).json();

    const stream = await events(jobId);
    expect(stream.filter((e) => e.type === "tool_call")).toHaveLength(3);
    expect(stream.filter((e) => e.type === "tool_result")).toHaveLength(3);
    expect(openai.requests.length - before).toBe(3);
    expect(stream.at(-1)!.data).toMatchObject({ status: "failed" });
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ kind: "agent", status: "failed", errorCode: "step_limit" });
    expect(job.errorMessage).toContain("3 steps");
  });

  it("offers no tools when none is allowed, and the model answers without them", async () => {
    const slug = await agent({ allowedTools: [] });
    const before = openai.requests.length;
    const { jobId } = await (await start({ input: "just talk", agent: slug })).json();
    const stream = await events(jobId);
    expect(stream.some((e) => e.type === "tool_call")).toBe(false);
    expect(stream.at(-1)!.data).toMatchObject({ status: "succeeded" });
    expect(openai.requests[before]!.tools).toBeUndefined();
  });

  it("fails the job with the endpoint's message when the model endpoint fails", async () => {
    const slug = await agent({ model: "broken-model" });
    const { jobId } = await (await start({ input: "hello", agent: slug })).json();
    const stream = await events(jobId);
    expect(stream.map((e) => e.type)).toEqual(["job_started", "error", "job_finished"]);
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "failed", errorCode: "upstream_error" });
    expect(job.errorMessage).toContain("The model is overloaded");
  });

  it("cancels an agent while the model is still streaming", async () => {
    const slug = await agent({ model: "slow-model", allowedTools: [] });
    const { jobId } = await (await start({ input: "take your time", agent: slug })).json();
    await events(jobId, (stream) => stream.some((e) => e.type === "text_delta"));
    const asked = Date.now();
    const cancel = await cancelRoute(
      new Request(`http://127.0.0.1/api/v1/jobs/${jobId}/cancel`, {
        method: "POST",
        headers: { authorization: `Bearer ${jobsKey}` },
      }),
      { params: Promise.resolve({ id: jobId }) },
    );
    expect(cancel.status).toBeLessThan(300);
    const stream = await events(jobId);
    // The model would have streamed for ~8 s more.
    expect(Date.now() - asked).toBeLessThan(3000);
    expect(stream.at(-1)!.data).toMatchObject({ status: "cancelled" });
    expect(stream.some((e) => e.type === "result")).toBe(false);
  });

  it("times an agent out at its own deadline", async () => {
    const slug = await agent({ model: "slow-model", allowedTools: [], timeoutSeconds: 1 });
    const { jobId } = await (await start({ input: "too slow", agent: slug })).json();
    const stream = await events(jobId);
    expect(stream.at(-1)!.data).toMatchObject({ status: "timed_out" });
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "timed_out", errorCode: "timeout" });
  });

  it("refuses a body naming both or neither of playbook and agent, and an unknown agent", async () => {
    const slug = await agent();
    for (const [body, status] of [
      [{ input: "x", agent: slug, playbook: "p" }, 422],
      [{ input: "x" }, 422],
      [{ input: "x", agent: `missing-${run}` }, 404],
    ] as const) {
      const response = await start(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await response.json()).error.message).toBeTruthy();
    }
  });
});

describe("webhook routes", () => {
  const operator = { kind: "cli" } as const;
  const secret = `secret-${run}`;
  const base = { kind: "github" as const, mode: "sync" as const, secrets: [secret] };
  const route = { name: "Triage", isFallback: true, actionType: "start_job" as const };

  it("start an agent job with the delivery's payload as its input, and the job answers with the tool's result", async () => {
    const slug = await agent();
    // No server or tool: a job route needs neither.
    const integration = await createIntegration({
      actor: operator,
      input: {
        ...base,
        name: `Agent route ${run}`,
        slug: `agent-route-${run}`,
        routes: [{ ...route, agent: slug }],
      },
    });
    expect(integration.routes[0]).toMatchObject({ actionType: "start_job", agent: slug, playbook: null });

    const payload = { action: "opened", issue: { title: "Triage me", labels: [] } };
    const body = JSON.stringify(payload);
    const response = await webhookRoute(
      new Request(`http://localhost/api/webhooks/${integration.slug}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": await sign(secret, body),
          "x-orbit-client-ip": "198.51.100.78",
        },
        body,
      }),
      { params: Promise.resolve({ slug: integration.slug }) },
    );
    expect(response.status).toBe(200);
    const { deliveryId } = await response.json();
    const job = await prisma.job.findFirstOrThrow({ where: { deliveryId } });
    expect(job).toMatchObject({ kind: "agent", inputShape: "webhook", createdBy: `delivery:${deliveryId}` });

    const stream = await events(job.id);
    // The stand-in echoes the user message through the tool, then quotes the tool's answer.
    expect(stream.find((e) => e.type === "tool_result")!.data).toMatchObject({ text: `Echo: ${body}` });
    expect(stream.at(-1)!.data).toMatchObject({ status: "succeeded" });
    const done = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done.status).toBe("succeeded");
    expect((done.result as { text: string }).text).toBe(`The tool answered: Echo: ${body}. Done.`);
    const delivery = await prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery.status).toBe("succeeded");
  });

  it.each([
    ["both a playbook and an agent", { playbook: "reindex", agent: "triage" }, "routes.0.agent"],
    ["neither a playbook nor an agent", {}, "routes.0.playbook"],
  ])("refuse a job route naming %s with 422 and a field error", async (_, target, field) => {
    const slug = `agent-route-${run}-${randomUUID().slice(0, 4)}`;
    const error = await createIntegration({
      actor: operator,
      input: { ...base, name: slug, slug, routes: [{ ...route, ...target }] },
    }).catch((caught: unknown) => caught);
    const response = errorResponse(error);
    expect(response.status).toBe(422);
    const { error: body } = await response.json();
    expect(body.details.issues).toEqual([
      { path: field, message: expect.stringContaining('Route 1 "Triage"') },
    ]);
    expect(await prisma.integration.findUnique({ where: { slug } })).toBeNull();
  });
});
