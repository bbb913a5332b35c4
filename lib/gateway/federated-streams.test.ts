import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  PromptListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/mcp/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { publishListChanged } from "@/lib/servers/publish-list-changed";
import { setServerEnabled } from "@/lib/servers/set-server-enabled";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { registerTestServer } from "@/lib/test/register-test-server";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { loadFederatedLink } from "./federated-session-links";
import { createSseParser, type SseEvent } from "./parse-sse-events";

// What the federated endpoint /api/mcp says besides answers: completion, resource subscriptions and their updates,
// a GET stream that resumes with Last-Event-ID, and list_changed when the operator changes a server. The real route
// handler over HTTP, the SDK's client, server-everything upstream, registered as two servers (two aliases).

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slugA = `fst-${run}-a`;
const slugB = `fst-${run}-b`;
let everything: EverythingServer;
let origin = "";
let stop = async () => {};
const keys: Record<string, string> = {};
const serverIds: Record<string, string> = {};

const handler = (request: Request) => {
  const method = { GET, POST, DELETE }[request.method as "GET" | "POST" | "DELETE"];
  return method(request);
};

beforeAll(async () => {
  everything = await startEverythingServer();
  serverIds.a = (await registerTestServer({ slug: slugA, url: everything.url, fetchTools: true })).id;
  serverIds.b = (await registerTestServer({ slug: slugB, url: everything.url })).id;
  const make = async (name: string, scopes: string[]) =>
    (await createApiKey({ actor: { kind: "cli" }, input: { name: `${name}-${run}`, scopes } })).key;
  keys.onlyA = await make("only-a", [`server:${slugA}`]);
  keys.onlyB = await make("only-b", [`server:${slugB}`]);
  ({ origin, stop } = await serveRouteHandler({ handler, params: (p) => (p === "/api/mcp" ? {} : null) }));
}, 60_000);

afterAll(async () => {
  await stop();
  await everything?.stop();
  await flushRequestLog();
  await prisma.server.deleteMany({ where: { slug: { startsWith: `fst-${run}` } } });
  await prisma.apiKey.deleteMany({ where: { name: { endsWith: `-${run}` } } });
});

/** An SDK client on /api/mcp; `streamOpen` resolves once its GET stream is open. */
async function connect(key: string) {
  let streamOpened: () => void = () => {};
  const streamOpen = new Promise<void>((resolve) => {
    streamOpened = resolve;
  });
  const client = new Client({ name: "federated-streams-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${origin}/api/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      if ((init?.method ?? "GET") === "GET" && response.ok) streamOpened();
      return response;
    },
  });
  await client.connect(transport);
  const close = async () => {
    await transport.terminateSession().catch(() => {});
    await client.close();
  };
  return { client, streamOpen, close };
}

async function eventually(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("completion/complete on /api/mcp", () => {
  it("completes a federated prompt's argument and a resource template's, only for servers the key may use", async () => {
    const a = await connect(keys.onlyA!);
    const b = await connect(keys.onlyB!);
    try {
      const prompt = { type: "ref/prompt" as const, name: `${slugA}__completable-prompt` };
      const completed = await a.client.complete({
        ref: prompt,
        argument: { name: "department", value: "S" },
      });
      expect(completed.completion.values).toEqual(["Sales", "Support"]);
      // The context reaches the upstream too: the second argument's values depend on the first.
      const lead = await a.client.complete({
        ref: prompt,
        argument: { name: "name", value: "" },
        context: { arguments: { department: "Engineering" } },
      });
      expect(lead.completion.values).toEqual(["Alice", "Bob", "Charlie"]);
      const template = await a.client.complete({
        ref: { type: "ref/resource", uri: "demo://resource/dynamic/text/{resourceId}" },
        argument: { name: "resourceId", value: "7" },
      });
      expect(template.completion.values).toEqual(["7"]);

      // Server A's prompt through a key that may only use B: nothing is asked of A.
      const outside = await b.client.complete({ ref: prompt, argument: { name: "department", value: "S" } });
      expect(outside.completion.values).toEqual([]);
      const own = await b.client.complete({
        ref: { type: "ref/prompt", name: `${slugB}__completable-prompt` },
        argument: { name: "department", value: "M" },
      });
      expect(own.completion.values).toEqual(["Marketing"]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("resource subscriptions on /api/mcp", () => {
  it("delivers the upstream's resources/updated on the GET stream until the client unsubscribes", async () => {
    const { client, streamOpen, close } = await connect(keys.onlyA!);
    const updates: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void updates.push(n.params.uri));
    try {
      expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);
      await streamOpen;
      const { resources } = await client.listResources();
      const uri = resources[0]!.uri;
      await client.subscribeResource({ uri });
      // server-everything sends updates for its subscriptions every 5 s once this tool started them (at once, too).
      const toggle = () => client.callTool({ name: `${slugA}__toggle-subscriber-updates`, arguments: {} });
      await toggle();
      await eventually("notifications/resources/updated", () => updates.length > 0, 12_000);
      expect(updates[0]).toBe(uri);

      await client.unsubscribeResource({ uri });
      const heard = updates.length;
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(updates.length).toBe(heard);
      await toggle();
    } finally {
      await close();
    }
  }, 30_000);
});

describe("resource subscriptions when the upstream forgets its session", () => {
  it("subscribes again on the re-opened upstream session, so updates keep coming", async () => {
    const { client, streamOpen, close } = await connect(keys.onlyA!);
    const updates: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void updates.push(n.params.uri));
    try {
      await streamOpen;
      const uri = "demo://resource/static/document/architecture.md";
      await client.subscribeResource({ uri });
      // The upstream ends the session under Orbit (as after its restart): the next call re-opens one.
      const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId!;
      const link = await loadFederatedLink(sessionId, serverIds.a!);
      expect(link?.subscriptions).toEqual([uri]);
      const ended = await fetch(everything.url, {
        method: "DELETE",
        headers: { "mcp-session-id": link!.upstreamSessionId!, "mcp-protocol-version": "2025-11-25" },
      });
      expect(ended.ok).toBe(true);

      await client.callTool({ name: `${slugA}__toggle-subscriber-updates`, arguments: {} });
      const reopened = await loadFederatedLink(sessionId, serverIds.a!);
      expect(reopened?.upstreamSessionId).not.toBe(link!.upstreamSessionId);
      await eventually("notifications/resources/updated", () => updates.includes(uri), 12_000);
    } finally {
      await close();
    }
  }, 30_000);
});

/** A session opened with plain HTTP (initialize, then initialized), so the test holds its only GET stream. */
async function initializeRaw(key: string): Promise<string> {
  const post = (body: unknown, sessionId?: string) =>
    fetch(`${origin}/api/mcp`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...(sessionId ? { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" } : {}),
      },
      body: JSON.stringify(body),
    });
  const initialized = await post({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  });
  expect(initialized.status).toBe(200);
  await initialized.body?.cancel();
  const sessionId = initialized.headers.get("mcp-session-id")!;
  expect((await post({ jsonrpc: "2.0", method: "notifications/initialized" }, sessionId)).status).toBe(202);
  return sessionId;
}

/** A raw GET stream of a session, its events collected as they come. */
async function openStream(sessionId: string, key: string, lastEventId?: string) {
  const stopped = new AbortController();
  const response = await fetch(`${origin}/api/mcp`, {
    headers: {
      authorization: `Bearer ${key}`,
      accept: "text/event-stream",
      "mcp-session-id": sessionId,
      "mcp-protocol-version": "2025-11-25",
      ...(lastEventId ? { "last-event-id": lastEventId } : {}),
    },
    signal: stopped.signal,
  });
  expect(response.status).toBe(200);
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => void events.push(event));
  void (async () => {
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Dropped by the test.
    }
  })();
  /** The notifications' methods, without the priming event (an id and no data). */
  const methods = () =>
    events.filter((e) => e.data).map((e) => (JSON.parse(e.data) as { method: string }).method);
  return { events, methods, drop: () => stopped.abort() };
}

describe("the GET stream of /api/mcp", () => {
  it("resumes with Last-Event-ID: exactly the events missed while it was down, then what comes", async () => {
    const id = await initializeRaw(keys.onlyB!);
    try {
      const change = (list: "tools" | "prompts" | "resources") =>
        publishListChanged({ serverId: serverIds.b!, slug: slugB, list });
      const first = await openStream(id, keys.onlyB!);
      await eventually("the priming event", () => first.events.length > 0);
      expect(first.events[0]).toMatchObject({ data: "" });
      expect(first.events[0]!.id).toBeTruthy();
      await change("tools");
      await eventually("the first event", () => first.methods().length === 1);
      const seen = first.events.at(-1)!;
      expect(seen.id).toBeTruthy();
      first.drop();

      await new Promise((resolve) => setTimeout(resolve, 100));
      await change("prompts");
      await change("resources");

      const resumed = await openStream(id, keys.onlyB!, seen.id);
      await eventually("the missed events", () => resumed.methods().length >= 2);
      await change("tools");
      await eventually("the next event", () => resumed.methods().length >= 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(resumed.methods()).toEqual([
        "notifications/prompts/list_changed",
        "notifications/resources/list_changed",
        "notifications/tools/list_changed",
      ]);
      // Ids only grow: nothing sent twice.
      const ids = resumed.events.filter((e) => e.data).map((e) => e.id!);
      expect(new Set([...ids, seen.id]).size).toBe(4);
      resumed.drop();
    } finally {
      await fetch(`${origin}/api/mcp`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${keys.onlyB}`, "mcp-session-id": id },
      });
    }
  }, 30_000);
});

describe("list_changed on /api/mcp when the operator changes a server", () => {
  it("tells sessions of keys that may use a server when it is disabled and enabled, and not others", async () => {
    const mine = await connect(keys.onlyA!);
    const other = await connect(keys.onlyB!);
    const heard = { tools: 0, prompts: 0, other: 0 };
    mine.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard.tools++);
    mine.client.setNotificationHandler(PromptListChangedNotificationSchema, () => void heard.prompts++);
    other.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard.other++);
    try {
      await Promise.all([mine.streamOpen, other.streamOpen]);
      await setServerEnabled({ actor: { kind: "cli" }, serverId: serverIds.a!, enabled: false });
      await eventually("list_changed after disabling", () => heard.tools === 1 && heard.prompts === 1);
      expect((await mine.client.listPrompts()).prompts).toEqual([]);

      await setServerEnabled({ actor: { kind: "cli" }, serverId: serverIds.a!, enabled: true });
      await eventually("list_changed after enabling", () => heard.tools === 2 && heard.prompts === 2);
      expect((await mine.client.listPrompts()).prompts.map((p) => p.name)).toContain(
        `${slugA}__completable-prompt`,
      );
      expect(heard.other).toBe(0);
    } finally {
      await setServerEnabled({ actor: { kind: "cli" }, serverId: serverIds.a!, enabled: true });
      await Promise.all([mine.close(), other.close()]);
    }
  }, 30_000);
});
