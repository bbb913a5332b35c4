import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { startTestServer, type TestServer } from "@/lib/test/start-test-servers";
import { connectUpstream } from "./connect-upstream";
import { inspectServer } from "./inspect-server";

// Against real peers: the reference server and small SDK-built ones. No database needed.

let everything: EverythingServer;
let legacy: TestServer;

beforeAll(async () => {
  [everything, legacy] = await Promise.all([startEverythingServer(), startTestServer("sse-only")]);
});

afterAll(async () => {
  await Promise.all([everything?.stop(), legacy?.stop()]);
});

describe("inspectServer", () => {
  it("lists everything the reference server declares, with schemas and annotations", async () => {
    const inspection = await inspectServer({
      url: everything.url,
      transport: "streamable_http",
      timeoutMs: 10_000,
    });
    expect(inspection).toMatchObject({
      serverInfo: { name: "mcp-servers/everything", version: expect.any(String) },
      transport: "streamable_http",
      capabilities: { tools: expect.any(Object), resources: expect.any(Object), prompts: expect.any(Object) },
      truncated: [],
    });
    expect(inspection.instructions).toBeTruthy();
    const echo = inspection.tools.find((tool) => tool.name === "echo");
    expect(echo).toMatchObject({
      description: expect.any(String),
      inputSchema: { type: "object", properties: { message: { type: "string" } } },
      annotations: expect.any(Object),
    });
    expect(inspection.resources[0]).toMatchObject({ uri: expect.any(String), name: expect.any(String) });
    expect(inspection.resourceTemplates[0]).toMatchObject({ uriTemplate: expect.any(String) });
    expect(inspection.prompts.map((p) => p.name)).toContain("simple-prompt");
  });

  it("falls back to the old SSE transport when the POST is answered 404, and says so", async () => {
    const inspection = await inspectServer({
      url: legacy.url,
      transport: "streamable_http",
      timeoutMs: 5000,
    });
    expect(inspection).toMatchObject({ transport: "sse", serverInfo: { name: "sse-only-test" } });
    expect(inspection.tools.map((t) => t.name)).toEqual(["shout"]);
    // The old transport has no resources or prompts capability here, so they were not asked for.
    expect(inspection).toMatchObject({ resources: [], resourceTemplates: [], prompts: [] });
  });

  it("speaks SSE directly when told to", async () => {
    const inspection = await inspectServer({ url: legacy.url, transport: "sse", timeoutMs: 5000 });
    expect(inspection.transport).toBe("sse");
    expect(inspection.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("explains a port fetch refuses to use", async () => {
    await expect(
      inspectServer({ url: "http://127.0.0.1:6000/mcp", transport: "streamable_http", timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: "upstream_error",
      message:
        "Could not reach http://127.0.0.1:6000: its port is on fetch's list of blocked ports; use another port",
    });
  });

  it("explains a host that does not resolve", async () => {
    await expect(
      inspectServer({
        url: "http://no-such-host.invalid/mcp",
        transport: "streamable_http",
        timeoutMs: 5000,
      }),
    ).rejects.toMatchObject({
      code: "upstream_error",
      message: expect.stringMatching(/^Could not reach http:\/\/no-such-host\.invalid: host not found/),
    });
  });
});

describe("connectUpstream", () => {
  it("returns a working client, and close() ends the session", async () => {
    const connection = await connectUpstream({
      url: everything.url,
      transport: "streamable_http",
      timeoutMs: 10_000,
    });
    try {
      const result = await connection.client.callTool({ name: "echo", arguments: { message: "hi" } });
      expect(JSON.stringify(result.content)).toContain("hi");
    } finally {
      await connection.close();
    }
    await expect(connection.client.listTools()).rejects.toThrow();
  });

  it("sends the given headers on every request", async () => {
    const guarded = await startTestServer("bearer", { token: "t0k" });
    try {
      const connection = await connectUpstream({
        url: guarded.url,
        transport: "streamable_http",
        headers: { Authorization: "Bearer t0k" },
        timeoutMs: 5000,
      });
      await connection.client.listTools({}, { signal: connection.signal });
      await connection.close();
      expect(guarded.authorizations.length).toBeGreaterThanOrEqual(2);
      expect(new Set(guarded.authorizations)).toEqual(new Set(["Bearer t0k"]));
    } finally {
      await guarded.stop();
    }
  });
});
