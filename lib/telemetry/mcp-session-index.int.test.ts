import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE, GET, POST } from "@/app/api/mcp/[server]/route";
import { GET as scrape } from "@/app/api/metrics/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { saveMcpSession } from "@/lib/gateway/mcp-session-store";
import { TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { closeRedis, getRedis } from "@/lib/redis/get-redis";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import { serveRouteHandler } from "@/lib/test/serve-route-handler";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";

// orbit_mcp_sessions with Redis, fed by real MCP clients through the passthrough endpoint (two "instances" sharing
// Redis) and read from /api/metrics. The count is global to a Redis database, so this file uses a database of its own
// (index 11) where no other test keeps sessions, and empties it of its keys afterwards.
const SESSIONS_DB = 11;
vi.hoisted(() => {
  const url = process.env.ORBIT_TEST_REDIS_URL;
  if (!url) return;
  const own = new URL(url);
  own.pathname = "/11";
  process.env.REDIS_URL = own.toString();
});

const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const slug = `sessions-${run}`;
let everything: EverythingServer;
const instances: { origin: string; stop(): Promise<void> }[] = [];
const keys = { gateway: "", metrics: "" };

const handler = (request: Request, context: { params: Promise<Record<string, string>> }) => {
  const method = { GET, POST, DELETE }[request.method as "GET" | "POST" | "DELETE"];
  return method(request, context as { params: Promise<{ server: string }> });
};
const params = (path: string) => {
  const match = /^\/api\/mcp\/([^/]+)$/.exec(path);
  return match ? { server: match[1]! } : null;
};

describe.runIf(TEST_REDIS_URL !== null)("orbit_mcp_sessions with Redis", () => {
  beforeAll(async () => {
    expect(new URL(process.env.REDIS_URL!).pathname).toBe(`/${SESSIONS_DB}`);
    everything = await startEverythingServer();
    await prisma.server.create({
      data: { slug, name: slug, endpoints: { create: [{ url: everything.url }] } },
    });
    for (const [name, scopes] of [
      ["gateway", ["mcp"]],
      ["metrics", ["metrics"]],
    ] as const) {
      keys[name] = (
        await createApiKey({ actor: { kind: "cli" }, input: { name: `${name}-${run}`, scopes: [...scopes] } })
      ).key;
    }
    instances.push(
      await serveRouteHandler({ handler, params }),
      await serveRouteHandler({ handler, params }),
    );
    await forgetSessions();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await everything?.stop();
    await flushRequestLog();
    // The database is this file's own: its rate-limit counters go too.
    const redis = getRedis()!;
    const left = await redis.keys("orbit:*");
    if (left.length > 0) await redis.del(...left);
    await closeRedis();
    await prisma.server.deleteMany({ where: { slug } });
    await prisma.apiKey.deleteMany({ where: { name: { endsWith: `-${run}` } } });
  });

  /** Sessions and their count in this file's own database, left by an earlier run or this one. */
  async function forgetSessions(): Promise<void> {
    const redis = getRedis()!;
    const keys = await redis.keys("orbit:mcp:session*");
    if (keys.length > 0) await redis.del(...keys);
  }

  async function connect(instance: number) {
    const client = new Client({ name: "sessions-test", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(
      new URL(`${instances[instance]!.origin}/api/mcp/${slug}`),
      { requestInit: { headers: { authorization: `Bearer ${keys.gateway}` } } },
    );
    await client.connect(transport);
    return { client, transport };
  }

  async function sessions(): Promise<Record<string, number>> {
    const response = await scrape(
      new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${keys.metrics}` } }),
    );
    expect(response.status).toBe(200);
    const found: Record<string, number> = {};
    for (const match of (await response.text()).matchAll(
      /^orbit_mcp_sessions\{endpoint="(\w+)"\} (\d+)$/gm,
    )) {
      found[match[1]!] = Number(match[2]);
    }
    return found;
  }

  it("counts the sessions clients open on any instance, and forgets the ones they end", async () => {
    expect(await sessions()).toEqual({ passthrough: 0, federated: 0 });
    const first = await connect(0);
    const second = await connect(1);
    expect(await sessions()).toEqual({ passthrough: 2, federated: 0 });

    // Used through the other instance: still two sessions, not three.
    await first.client.listTools();
    expect(await sessions()).toEqual({ passthrough: 2, federated: 0 });

    await first.transport.terminateSession();
    await first.client.close();
    expect(await sessions()).toEqual({ passthrough: 1, federated: 0 });

    // Federated sessions share the store and are counted apart.
    await saveMcpSession({ id: randomUUID(), kind: "federated", apiKeyId: "k", initializeParams: {} });
    expect(await sessions()).toEqual({ passthrough: 1, federated: 1 });
    await second.client.close();
  });

  it("stops counting a session once its key has expired in Redis", async () => {
    const redis = getRedis()!;
    const id = randomUUID();
    await saveMcpSession({ id, kind: "federated", apiKeyId: "k", initializeParams: {} });
    const before = (await sessions()).federated!;
    // What Redis does to an idle session after a day, done now: the sorted-set entry expires with the same clock.
    await redis.zadd("orbit:mcp:sessions:federated", { score: Date.now() - 1, member: id });
    await redis.del(`orbit:mcp:session:${id}`);
    expect((await sessions()).federated).toBe(before - 1);
  });
});
