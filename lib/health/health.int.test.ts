import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { connect, createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { type CircuitPolicy, createCircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { createServer } from "@/lib/servers/create-server";
import { setServerEnabled } from "@/lib/servers/set-server-enabled";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { type EverythingServer, startEverythingServer } from "@/lib/test/start-everything-server";
import { type FlakyMcpServer, startFlakyMcpServer } from "@/lib/test/start-flaky-mcp-server";
import { startTestQueue } from "@/lib/test/start-test-queue";
import { replicaCircuitKey } from "@/lib/tool-calls/choose-replica";
import { runQueueWorkers } from "@/lib/worker/run-queue-workers";
import { checkServerHealth } from "./check-server-health";
import { claimDueHealthChecks } from "./claim-due-health-checks";
import { claimDueToolRefreshes } from "./claim-due-tool-refreshes";
import { refreshClaimedServer } from "./refresh-claimed-server";
import { runReplicaCheck } from "./run-replica-check";

// Real Postgres, the shared test Redis for circuits (in-process when there is none), real MCP servers (the reference
// server and the SDK-built flaky one), a closed port, and a plain HTTP server that refuses every request with 401.
// Claims are limited to this file's servers (serverIds) so other suites' servers are never checked. checkDueReplicas and
// refreshDueServers below do what the worker does with one tick: claim what is due, then run each claim (the worker
// runs them as queue entries; the last describe runs the real queue).

const run = randomUUID().slice(0, 8);
let counter = 0;
const slug = (label: string) => `h-${run}-${label}-${++counter}`;

const operator: Actor = { kind: "user", id: randomUUID(), email: "operator@example.test", role: "operator" };
const viewer: Actor = { kind: "user", id: randomUUID(), email: "viewer@example.test", role: "viewer" };

const prisma = getPrisma();
const testRedis = TEST_REDIS_URL === null ? null : createTestRedis();
const breaker = createCircuitBreaker(testRedis?.redis ?? null, {
  prefix: `${testRedis?.prefix ?? `orbit-test:${run}:`}cb:`,
});
// Two failures open the circuit and it lets a probe through after 300 ms, so recovery fits in a test.
const fastCircuit: CircuitPolicy = {
  failureThreshold: 2,
  windowMs: 60_000,
  openMs: 300,
  halfOpenMaxCalls: 1,
};
const HOUR = 3_600_000;

let everything: EverythingServer;
let flaky: FlakyMcpServer;
let refusing: HttpServer;
let refusingUrl: string;
const stoppers: (() => Promise<void>)[] = [];

async function register(
  label: string,
  urls: string[],
  extra: { enabled?: boolean; timeoutMs?: number } = {},
) {
  return createServer({
    actor: { kind: "cli" },
    input: { name: `Health ${label}`, slug: slug(label), endpoints: urls.map((url) => ({ url })), ...extra },
  });
}

async function endpointsOf(serverId: string) {
  return prisma.serverEndpoint.findMany({ where: { serverId }, orderBy: { position: "asc" } });
}

/** A TCP port that forwards to `targetPort` while up and refuses connections while down, like a replica restarting. */
async function startSwitchablePort(targetPort: number) {
  const port = await findClosedPort();
  const sockets = new Set<Socket>();
  let server: NetServer | null = null;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      server = createNetServer((client) => {
        const upstream = connect(targetPort, "127.0.0.1");
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const down = async () => {
    const closing = server;
    server = null;
    for (const s of sockets) s.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}/mcp`, up, down };
}

beforeAll(async () => {
  [everything, flaky] = await Promise.all([startEverythingServer(), startFlakyMcpServer()]);
  refusing = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(401, { "content-type": "application/json", "www-authenticate": "Bearer" });
    res.end(JSON.stringify({ error: "invalid_token" }));
  });
  await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
  refusingUrl = `http://127.0.0.1:${(refusing.address() as { port: number }).port}/mcp`;
});

afterAll(async () => {
  const servers = await prisma.server.findMany({
    where: { slug: { startsWith: `h-${run}-` } },
    select: { id: true },
  });
  const ids = servers.map((s) => s.id);
  await prisma.server.deleteMany({ where: { id: { in: ids } } });
  await prisma.auditLog.deleteMany({ where: { targetId: { in: ids } } });
  await Promise.all(stoppers.map((stop) => stop()));
  refusing?.closeAllConnections();
  await new Promise<void>((resolve) => refusing?.close(() => resolve()));
  await Promise.all([everything?.stop(), flaky?.stop()]);
  await testRedis?.cleanup();
});

async function checkDueReplicas(options: {
  intervalMs: number;
  serverIds: string[];
  logLine?: (line: string) => void;
}) {
  const claims = await claimDueHealthChecks({ ...options, limit: 100 });
  const outcomes = await Promise.all(
    claims.map((claim) => runReplicaCheck(claim, { breaker, logLine: options.logLine })),
  );
  return outcomes.filter((outcome) => outcome !== null);
}

async function refreshDueServers(options: { intervalMs: number; serverIds: string[] }) {
  const claims = await claimDueToolRefreshes({ ...options, limit: 100 });
  return Promise.all(claims.map((claim) => refreshClaimedServer(claim, () => {})));
}

describe("one health pass", () => {
  it("marks a replica that initializes and answers ping healthy, and logs the change once", async () => {
    const server = await register("healthy", [everything.url]);
    const lines: string[] = [];
    const [outcome] = await checkDueReplicas({
      intervalMs: HOUR,
      serverIds: [server.id],
      logLine: (line) => lines.push(line),
    });
    expect(outcome).toMatchObject({ status: "healthy", error: null, changed: true });
    const [endpoint] = await endpointsOf(server.id);
    expect(endpoint).toMatchObject({ healthStatus: "healthy", healthError: null });
    expect(endpoint!.healthLatencyMs).toBeGreaterThanOrEqual(0);
    expect(endpoint!.healthCheckedAt).toBeInstanceOf(Date);
    expect(endpoint!.healthChangedAt).toBeInstanceOf(Date);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ msg: "replica health changed", from: "unknown", to: "healthy" }),
    ]);

    // Not due again within the interval; once due, a repeat of the same verdict logs nothing.
    expect(await checkDueReplicas({ intervalMs: HOUR, serverIds: [server.id] })).toEqual([]);
    await prisma.serverEndpoint.updateMany({
      where: { serverId: server.id },
      data: { healthCheckedAt: new Date(Date.now() - 2 * HOUR) },
    });
    const again = await checkDueReplicas({
      intervalMs: HOUR,
      serverIds: [server.id],
      logLine: (line) => lines.push(line),
    });
    expect(again).toEqual([expect.objectContaining({ status: "healthy", changed: false })]);
    expect(lines).toHaveLength(1);
    expect((await endpointsOf(server.id))[0]!.healthChangedAt).toEqual(endpoint!.healthChangedAt);
  });

  it("marks a closed port unreachable and counts it against the replica's circuit", async () => {
    const url = `http://127.0.0.1:${await findClosedPort()}/mcp`;
    const server = await register("closed", [url]);
    const [outcome] = await checkDueReplicas({ intervalMs: HOUR, serverIds: [server.id] });
    expect(outcome).toMatchObject({ status: "unreachable" });
    expect(outcome!.error).toMatch(/connection refused/);
    const [endpoint] = await endpointsOf(server.id);
    expect(endpoint).toMatchObject({ healthStatus: "unreachable" });
    expect(endpoint!.healthError).toMatch(/connection refused/);
    const circuit = await breaker.peek(replicaCircuitKey(server.id, url), fastCircuit);
    expect(circuit).toMatchObject({ state: "closed", failures: 1 });
  });

  it("marks a replica that does not answer within the server's timeout unreachable", async () => {
    // Accepts connections and never says a word.
    const held = new Set<Socket>();
    const silent = createNetServer((socket) => {
      held.add(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    stoppers.push(async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}/mcp`;
    const server = await register("silent", [url], { timeoutMs: 1000 });
    const [outcome] = await checkDueReplicas({ intervalMs: HOUR, serverIds: [server.id] });
    expect(outcome).toMatchObject({ status: "unreachable" });
    expect(outcome!.error).toMatch(/did not answer within 1000 ms/);
    expect(outcome!.latencyMs).toBeLessThan(5_000);
  });

  it("marks an upstream answering 401 unauthorized, which leaves its circuit alone", async () => {
    const server = await register("refusing", [refusingUrl]);
    for (let i = 0; i < 3; i++) {
      const [outcome] = await checkServerHealth({
        actor: operator,
        serverId: server.id,
        breaker,
        circuit: fastCircuit,
      });
      expect(outcome).toMatchObject({ status: "unauthorized" });
      expect(outcome!.error).toMatch(/401/);
    }
    expect((await endpointsOf(server.id))[0]).toMatchObject({ healthStatus: "unauthorized" });
    const circuit = await breaker.peek(replicaCircuitKey(server.id, refusingUrl), fastCircuit);
    expect(circuit).toMatchObject({ state: "closed", failures: 0 });
  });

  it("does not check a disabled server's replicas", async () => {
    const server = await register("disabled", [flaky.url], { enabled: false });
    const before = flaky.counts().requests;
    expect(await checkDueReplicas({ intervalMs: HOUR, serverIds: [server.id] })).toEqual([]);
    expect(flaky.counts().requests).toBe(before);
    expect((await endpointsOf(server.id))[0]).toMatchObject({
      healthStatus: "unknown",
      healthCheckedAt: null,
    });
    await expect(checkServerHealth({ actor: operator, serverId: server.id, breaker })).rejects.toMatchObject({
      code: "unavailable",
    });
  });

  it("checks each replica once when two passes (two workers) run at the same time", async () => {
    const urls = [everything.url, flaky.url, `${everything.url}?replica=2`];
    const server = await register("concurrent", urls);
    const passes = await Promise.all([
      checkDueReplicas({ intervalMs: HOUR, serverIds: [server.id] }),
      checkDueReplicas({ intervalMs: HOUR, serverIds: [server.id] }),
    ]);
    const checked = passes.flat().map((o) => o.endpointId);
    expect(checked).toHaveLength(3);
    expect(new Set(checked).size).toBe(3);
    expect((await endpointsOf(server.id)).map((e) => e.healthStatus)).toEqual([
      "healthy",
      "healthy",
      "healthy",
    ]);
  });
});

describe("recovery", () => {
  it("closes the circuit of a replica that failed and came back, by a healthy check", async () => {
    const replica = await startSwitchablePort(Number(new URL(flaky.url).port));
    stoppers.push(replica.down);
    const server = await register("recovering", [replica.url]);
    const key = replicaCircuitKey(server.id, replica.url);
    const check = async () =>
      (await checkServerHealth({ actor: operator, serverId: server.id, breaker, circuit: fastCircuit }))[0];

    // Down: two failed checks open the circuit, so calls would be refused.
    expect(await check()).toMatchObject({ status: "unreachable" });
    expect(await check()).toMatchObject({ status: "unreachable" });
    expect(await breaker.peek(key, fastCircuit)).toMatchObject({ state: "open" });

    // Back: once the circuit lets a probe through, the next check is that probe and closes it.
    await replica.up();
    await new Promise((resolve) => setTimeout(resolve, fastCircuit.openMs + 50));
    expect(await check()).toMatchObject({ status: "healthy" });
    expect(await breaker.peek(key, fastCircuit)).toMatchObject({ state: "closed", failures: 0 });
    expect((await endpointsOf(server.id))[0]).toMatchObject({ healthStatus: "healthy", healthError: null });
  });
});

describe("check now", () => {
  it("is for operators and is audited", async () => {
    const server = await register("check-now", [everything.url]);
    await expect(checkServerHealth({ actor: viewer, serverId: server.id, breaker })).rejects.toMatchObject({
      code: "forbidden",
    });
    const outcomes = await checkServerHealth({ actor: operator, serverId: server.id, breaker });
    expect(outcomes).toEqual([expect.objectContaining({ status: "healthy" })]);
    const audit = await prisma.auditLog.findMany({
      where: { targetId: server.id, action: "server.check_health" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: operator.kind === "user" ? operator.id : null });
  });
});

describe("periodic tool refresh", () => {
  it("stores the upstream's tools, once per interval whichever worker runs it", async () => {
    const server = await register("tools", [flaky.url]);
    expect(await prisma.tool.count({ where: { serverId: server.id } })).toBe(0);

    const passes = await Promise.all([
      refreshDueServers({ intervalMs: HOUR, serverIds: [server.id] }),
      refreshDueServers({ intervalMs: HOUR, serverIds: [server.id] }),
    ]);
    expect(passes.flat()).toEqual([
      expect.objectContaining({ ok: true, tools: expect.objectContaining({ added: 3, total: 3 }) }),
    ]);
    const tools = await prisma.tool.findMany({ where: { serverId: server.id }, orderBy: { name: "asc" } });
    expect(tools.map((t) => t.name)).toEqual(["charge", "echo", "slow"]);
    const stored = await prisma.server.findUniqueOrThrow({ where: { id: server.id } });
    expect(stored.toolsRefreshedAt).toBeInstanceOf(Date);
  });

  it("skips disabled servers", async () => {
    const server = await register("tools-disabled", [flaky.url]);
    await setServerEnabled({ actor: operator, serverId: server.id, enabled: false });
    expect(await refreshDueServers({ intervalMs: HOUR, serverIds: [server.id] })).toEqual([]);
    expect(await prisma.tool.count({ where: { serverId: server.id } })).toBe(0);
  });
});

describe("the worker, through the queue", () => {
  it("queues due checks and refreshes on its tick, runs them on either of two workers, and stops when told", async () => {
    const server = await register("queued", [everything.url]);
    const queue = await startTestQueue();
    const lines: string[] = [];
    // Two workers' worth of consumers on one queue; both propose ticks, one tick at a time runs.
    const workers = ["one", "two"].map((name) =>
      runQueueWorkers({
        queue,
        workerId: `health-${run}-${name}`,
        breaker,
        jobConcurrency: 1,
        healthIntervalMs: HOUR,
        toolsIntervalMs: HOUR,
        tickMs: 100,
        pollMs: 50,
        // A random integration: this file has no deliveries, and other files' must not be swept in.
        only: { serverIds: [server.id], integrationIds: [randomUUID()] },
        logLine: (line) => lines.push(line),
      }),
    );
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [endpoint] = await endpointsOf(server.id);
      const tools = await prisma.tool.count({ where: { serverId: server.id } });
      if (endpoint?.healthStatus === "healthy" && tools > 0) break;
      if (Date.now() > deadline) throw new Error("the workers did not check and refresh in time");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Several more ticks: nothing is due again within the interval, so nothing more is checked.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await Promise.all(workers.map((worker) => worker.stop(0)));
    expect(lines.filter((line) => line.includes("replica health changed"))).toHaveLength(1);
    const [endpoint] = await endpointsOf(server.id);
    const checkedAt = endpoint!.healthCheckedAt;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await endpointsOf(server.id))[0]!.healthCheckedAt).toEqual(checkedAt);
  });
});
