import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/mcp/[server]/route";
import { DELETE as federatedDelete, GET as federatedGet, POST as federatedPost } from "@/app/api/mcp/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { type ConformanceResults, runConformanceSuite } from "@/lib/test/run-conformance-suite";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { startConformanceUpstream } from "@/lib/test/start-conformance-upstream";
import { startEverythingServer } from "@/lib/test/start-everything-server";
import { startHeaderProxy } from "@/lib/test/start-header-proxy";

// The acceptance check of the passthrough endpoint, as a reviewer runs it: the independent MCP conformance suite
// (`conformance server --url …`) against an upstream directly, then against the same upstream through
// /api/mcp/{server}. Whatever the upstream passes directly must pass through Orbit. Two upstreams: server-everything,
// and one that implements every scenario's tools (so sampling, elicitation, progress and logging relays are tested
// too). The suite cannot send headers, so a forwarder in front of Orbit adds the API key and changes nothing else
// (lib/test/start-header-proxy.ts). Results and the command: docs/CONFORMANCE.md.

const run = randomUUID().slice(0, 8);
const upstreams = {
  "server-everything": { slug: `conformance-${run}-everything`, start: startEverythingServer },
  "conformance upstream": { slug: `conformance-${run}-full`, start: startConformanceUpstream },
};
const urls: Record<string, { direct: string; viaOrbit: string; federated: string }> = {};
const stops: (() => Promise<void>)[] = [];

const handler = (request: Request, context: { params: Promise<Record<string, string>> }) => {
  const verb = request.method as "GET" | "POST" | "DELETE";
  if (new URL(request.url).pathname === "/api/mcp") {
    return { GET: federatedGet, POST: federatedPost, DELETE: federatedDelete }[verb](request);
  }
  const method = { GET, POST, DELETE }[verb];
  return method(request, context as { params: Promise<{ server: string }> });
};

beforeAll(async () => {
  const orbit = await serveRouteHandler({
    handler,
    params: (path): Record<string, string> | null => {
      if (path === "/api/mcp") return {};
      const match = /^\/api\/mcp\/([^/]+)$/.exec(path);
      return match ? { server: match[1]! } : null;
    },
  });
  stops.push(orbit.stop);
  const { key } = await createApiKey({
    actor: { kind: "cli" },
    input: { name: `conformance-${run}`, scopes: Object.values(upstreams).map((u) => `server:${u.slug}`) },
  });
  const proxy = await startHeaderProxy({ target: orbit.origin, headers: { authorization: `Bearer ${key}` } });
  stops.push(proxy.stop);
  for (const [name, upstream] of Object.entries(upstreams)) {
    const started = await upstream.start();
    stops.push(started.stop);
    await registerTestServer({ slug: upstream.slug, url: started.url });
    // The federated endpoint with a key that may use only this upstream: /api/mcp is then that one server.
    const { key: onlyThis } = await createApiKey({
      actor: { kind: "cli" },
      input: { name: `conformance-${run}`, scopes: [`server:${upstream.slug}`] },
    });
    const federated = await startHeaderProxy({
      target: orbit.origin,
      headers: { authorization: `Bearer ${onlyThis}` },
    });
    stops.push(federated.stop);
    urls[name] = {
      direct: started.url,
      viaOrbit: `${proxy.origin}/api/mcp/${upstream.slug}`,
      federated: `${federated.origin}/api/mcp`,
    };
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await flushRequestLog();
  await getPrisma().server.deleteMany({ where: { slug: { startsWith: `conformance-${run}-` } } });
  await getPrisma().apiKey.deleteMany({ where: { name: `conformance-${run}` } });
});

/** As the suite's own summary counts them: a scenario passes when none of its checks failed. */
function passingScenarios(results: ConformanceResults): string[] {
  return Object.entries(results)
    .filter(([, r]) => r.failed.length === 0)
    .map(([scenario]) => scenario)
    .sort();
}
/** "scenario/check" for every check that succeeded. */
function passingChecks(results: ConformanceResults): string[] {
  return Object.entries(results).flatMap(([scenario, r]) => r.passed.map((check) => `${scenario}/${check}`));
}

describe("MCP conformance suite: /api/mcp/{server} vs the upstream directly", () => {
  it.each([
    // Not vacuous: what each upstream must pass directly for the comparison to mean something.
    [
      "server-everything",
      ["server-initialize", "ping", "tools-list", "tools-call-simple-text", "prompts-list"],
    ],
    [
      "conformance upstream",
      [
        "tools-call-with-progress",
        "tools-call-with-logging",
        "tools-call-sampling",
        "tools-call-elicitation",
      ],
    ],
  ])(
    "passes through Orbit every scenario and check that %s passes directly",
    async (name, expected) => {
      // One after the other: the two runs share the upstream, and the machine has few CPUs.
      const direct = await runConformanceSuite({ url: urls[name]!.direct });
      const viaOrbit = await runConformanceSuite({ url: urls[name]!.viaOrbit });

      expect(passingScenarios(direct)).toEqual(expect.arrayContaining(expected));
      expect(passingScenarios(viaOrbit)).toEqual(expect.arrayContaining(passingScenarios(direct)));
      expect(passingChecks(viaOrbit)).toEqual(expect.arrayContaining(passingChecks(direct)));
    },
    120_000,
  );
});

// The federated endpoint names tools and prompts `<alias>__<name>`, so the scenarios that call a tool or get a prompt by
// its upstream name cannot pass there. These do not name one (completion-complete does, but a prompt Orbit cannot place
// gets no values, which the scenario accepts; federated-streams.test.ts checks real completions).
const NAME_INDEPENDENT = [
  "server-initialize",
  "ping",
  "logging-set-level",
  "completion-complete",
  "tools-list",
  "resources-list",
  "resources-read-text",
  "resources-read-binary",
  "resources-templates-read",
  "resources-subscribe",
  "resources-unsubscribe",
  "prompts-list",
  "dns-rebinding-protection",
  "server-sse-multiple-streams",
];

describe("MCP conformance suite: /api/mcp (federated) vs the upstream directly", () => {
  it.each([
    ["server-everything", ["resources-subscribe", "resources-unsubscribe", "ping"]],
    ["conformance upstream", ["completion-complete", "resources-subscribe", "resources-templates-read"]],
  ])(
    "passes through the federated endpoint every name-independent scenario that %s passes directly",
    async (name, expected) => {
      const direct = await runConformanceSuite({ url: urls[name]!.direct });
      const federated = await runConformanceSuite({ url: urls[name]!.federated });
      const comparable = (results: ConformanceResults) =>
        passingScenarios(results).filter((scenario) => NAME_INDEPENDENT.includes(scenario));

      expect(comparable(direct)).toEqual(expect.arrayContaining(expected));
      expect(comparable(federated)).toEqual(expect.arrayContaining(comparable(direct)));
    },
    120_000,
  );
});

// The suite's server-sse-polling scenario announces protocol 2025-03-26, so an SDK-built upstream never polls in it.
// A 2025-11-25 client does get polled: the upstream closes the tool call's stream before answering and sends the
// answer on a GET resumed with Last-Event-ID (SEP-1699). Through Orbit the call must still end with its answer.
describe("a tool call whose upstream closes the stream mid-call (SEP-1699 polling)", () => {
  it("gets the same answer through Orbit as directly", async () => {
    const answers: unknown[] = [];
    for (const url of [urls["conformance upstream"]!.direct, urls["conformance upstream"]!.viaOrbit]) {
      const client = new Client({ name: "polling-test", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      try {
        answers.push(await client.callTool({ name: "test_reconnection", arguments: {} }));
      } finally {
        await client.close();
      }
    }
    expect(answers[0]).toEqual({
      content: [{ type: "text", text: "Reconnection test completed successfully." }],
    });
    expect(answers[1]).toEqual(answers[0]);
  });
});
