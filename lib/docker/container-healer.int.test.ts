import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { checkServerHealth } from "@/lib/health/check-server-health";
import { createCircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { createServer } from "@/lib/servers/create-server";
import { findFreePort } from "@/lib/test/find-free-port";
import { TEST_IMAGE } from "@/lib/test/import-test-image";
import { type AlertReceiver, startAlertReceiver } from "@/lib/test/start-alert-receiver";
import { type PodmanService, startPodmanService } from "@/lib/test/start-podman-service";
import { startTestEngine, type TestEngine } from "@/lib/test/start-test-engine";
import { writeBusyboxMcpSite } from "@/lib/test/write-busybox-mcp-site";
import { diagnoseContainers } from "./diagnose-containers";
import type { HealPolicy } from "./heal-policy";
import { readContainerLogs } from "./read-container-logs";
import { restartContainer } from "./restart-container";
import { runContainerWatcher } from "./run-container-watcher";
import { stopContainer } from "./stop-container";

// Against a real engine: Podman serving the Docker API (ORBIT_TEST_DOCKER_HOST, which CI starts, or a private
// `podman system service` started here), busybox containers, Postgres. Two watchers follow it the whole time, as two
// workers would; every restart count below is therefore also a check that no container is healed twice. The engine
// must run on this machine: a crash is a SIGKILL to the container's process. The policy is the production one with
// short times: 3 restarts a minute, backoff 200 ms → 800 ms, 300 ms to settle after a `die`. The last suite kills and
// restarts a Podman service of its own. Both are registered only where there is an engine to test (CI always; see
// decideContainerTests, run once by the global setup).
const describeWithEngine = process.env.ORBIT_TEST_CONTAINERS === "on" ? describe : () => undefined;
const run = randomUUID().slice(0, 8);
const policy: HealPolicy = {
  label: "orbit.heal",
  all: false,
  maxRestarts: 3,
  windowMs: 60_000,
  backoffInitialMs: 200,
  backoffMaxMs: 800,
  settleMs: 300,
};
const operator: Actor = { kind: "user", id: randomUUID(), email: "operator@example.test", role: "operator" };
const viewer: Actor = { kind: "user", id: randomUUID(), email: "viewer@example.test", role: "viewer" };
const prisma = getPrisma();
const breaker = createCircuitBreaker(null, { prefix: `orbit-test:${run}:cb:` });
// A running loop that exits when asked (sh as PID 1 ignores SIGTERM unless it traps it).
const POLITE_LOOP = ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"];
// One that does not: a stop has to kill it after the stop timeout, exit 137, like a crash.
const STUBBORN_LOOP = ["sh", "-c", "while true; do sleep 0.2; done"];

type Watcher = { workerId: string; stop: AbortController; done: Promise<void> };

let alerts: AlertReceiver;
let counter = 0;
const cleanups: (() => Promise<void>)[] = [];

/**
 * An engine with watchers on it: containers it starts carry the harness's own scope label, and its watchers follow
 * only those, so the two suites here (and other runs on a shared engine) never act on each other's containers.
 */
function createHarness(name: string, startEngine: () => Promise<TestEngine>) {
  const scope = { key: "orbit-test-run", value: `${run}-${name}` };
  const watcherId = `test-${run}-${name}`;
  const watchers: Watcher[] = [];
  const harness = {
    scope,
    watcherId,
    watchers,
    engine: undefined as unknown as TestEngine,
    docker: undefined as unknown as Docker,

    async setUp(workers: number) {
      harness.engine = await startEngine();
      harness.docker = harness.engine.docker;
      for (let i = 0; i < workers; i++) harness.startWatcher();
      await waitFor("a watcher to connect", async () => {
        const row = await prisma.containerWatcher.findUnique({ where: { id: watcherId } });
        return row?.connected;
      });
    },

    async tearDown() {
      for (const watcher of watchers) watcher.stop.abort();
      await Promise.all(watchers.map((w) => w.done));
      if (harness.docker) {
        const mine = await harness.docker.listContainers({
          all: true,
          filters: { label: [`${scope.key}=${scope.value}`] },
        });
        await Promise.all(
          mine.map((c) =>
            harness.docker
              .getContainer(c.Id)
              .remove({ force: true })
              .catch(() => {}),
          ),
        );
      }
      await harness.engine?.stop();
      await prisma.container.deleteMany({ where: { labels: { path: [scope.key], equals: scope.value } } });
      await prisma.containerWatcher.deleteMany({ where: { id: watcherId } });
    },

    startWatcher(): Watcher {
      const workerId = `worker-${run}-${++counter}`;
      const stop = new AbortController();
      const quiet = () => {};
      const done = runContainerWatcher({
        signal: stop.signal,
        workerId,
        docker: harness.docker,
        dockerHost: harness.engine.dockerHost,
        policy,
        breaker,
        alertWebhookUrl: alerts.url,
        healthchecks: "auto",
        scope,
        watcherId,
        timings: {
          leaseTtlMs: 3_000,
          healPollMs: 100,
          serverPollMs: 300,
          serverGraceMs: 500,
          retryInitialMs: 200,
          retryMaxMs: 1_000,
        },
        log: quiet,
        logLine: quiet,
      });
      const watcher = { workerId, stop, done };
      watchers.push(watcher);
      return watcher;
    },

    async stopWatcher(watcher: Watcher): Promise<void> {
      watcher.stop.abort();
      await watcher.done;
      watchers.splice(watchers.indexOf(watcher), 1);
    },

    async startContainer(options: {
      label: string;
      heal: boolean;
      cmd?: string[];
      healthcheck?: string;
      labels?: Record<string, string>;
      hostConfig?: Docker.HostConfig;
    }) {
      const container = await harness.docker.createContainer({
        name: `orbit-${run}-${options.label}-${++counter}`,
        Image: TEST_IMAGE,
        Cmd: options.cmd ?? POLITE_LOOP,
        Labels: {
          [scope.key]: scope.value,
          ...(options.heal ? { "orbit.heal": "true" } : {}),
          ...options.labels,
        },
        HostConfig: { NetworkMode: "none", ...options.hostConfig },
        StopTimeout: 1,
        ...(options.healthcheck
          ? {
              Healthcheck: {
                Test: ["CMD-SHELL", options.healthcheck],
                Interval: 1e9,
                Retries: 1,
                Timeout: 2e9,
              },
            }
          : {}),
      });
      await container.start();
      // The watcher has seen it once its row exists.
      await waitFor(`${options.label} to be recorded`, () =>
        prisma.container.findUnique({ where: { id: container.id } }),
      );
      return container;
    },
  };
  return harness;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const stored = (id: string) => prisma.container.findUniqueOrThrow({ where: { id } });
const eventsOf = (id: string, kind?: string) =>
  prisma.containerEvent.findMany({
    where: { containerId: id, ...(kind ? { kind } : {}) },
    orderBy: { at: "asc" },
  });
const isRunning = async (container: Docker.Container) => (await container.inspect()).State.Running;

/** SIGKILL to the container's process from the host: a crash, with no stop or kill asked of the engine. */
async function crash(container: Docker.Container, pid?: number): Promise<void> {
  process.kill(pid ?? (await container.inspect()).State.Pid, "SIGKILL");
}

async function exec(container: Docker.Container, cmd: string[]): Promise<void> {
  const execution = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await execution.start({});
  stream.resume();
  await new Promise((resolve) => stream.on("end", resolve));
}

/** Long enough for a die to be settled and a first restart (if any) to have happened. */
const quietPeriod = () =>
  new Promise((resolve) => setTimeout(resolve, 2 * (policy.settleMs + policy.backoffMaxMs)));

describeWithEngine("the container healer against a real engine (Podman)", () => {
  const h = createHarness("main", startTestEngine);

  beforeAll(async () => {
    alerts = await startAlertReceiver();
    await h.setUp(2);
  }, 120_000);

  afterAll(async () => {
    await h.tearDown();
    await alerts?.close();
    await Promise.all(cleanups.map((cleanup) => cleanup()));
    await prisma.auditLog.deleteMany({
      where: { actorLabel: "user:operator@example.test", action: { startsWith: "container." } },
    });
  }, 120_000);

  it("restarts a labelled container whose health check starts failing, and it is healthy again", async () => {
    const container = await h.startContainer({
      label: "unhealthy",
      heal: true,
      cmd: ["sh", "-c", "touch /tmp/ok; trap 'exit 0' TERM; while true; do sleep 0.2; done"],
      healthcheck: "cat /tmp/ok",
    });
    // Podman has no systemd timers here: the watcher runs the container's check every second, as the engine would.
    await waitFor("the health check to pass", async () => (await stored(container.id)).health === "healthy");
    const startedBefore = (await container.inspect()).State.StartedAt;

    await exec(container, ["rm", "/tmp/ok"]);

    const healed = await waitFor("the healer's restart", async () => {
      const row = await stored(container.id);
      return row.restartCount >= 1 ? row : null;
    });
    expect(healed.restartCount).toBe(1);
    const [plan] = await eventsOf(container.id, "heal_scheduled");
    expect(plan?.details).toMatchObject({ reason: "unhealthy", delayMs: 200, attempt: 1 });
    expect((await container.inspect()).State.StartedAt).not.toBe(startedBefore);
    // Its command recreates the file, so the restarted container passes its check again.
    await waitFor("health back to healthy", async () => (await stored(container.id)).health === "healthy");
    expect((await stored(container.id)).restartCount).toBe(1);
  });

  it("restarts a labelled container whose process is killed (exit 137)", async () => {
    const container = await h.startContainer({ label: "killed", heal: true });
    await crash(container);

    await waitFor("the healer's restart", async () => (await stored(container.id)).restartCount >= 1);
    expect(await isRunning(container)).toBe(true);
    const [die] = await eventsOf(container.id, "die");
    expect(die?.exitCode).toBe(137);
    const [restart] = await eventsOf(container.id, "heal_restart");
    expect(restart?.details).toMatchObject({ reason: "exited", attempt: 1 });
    await quietPeriod();
    expect((await stored(container.id)).restartCount).toBe(1);
  });

  it("leaves a container without the heal label alone when it crashes", async () => {
    const container = await h.startContainer({ label: "unlabelled", heal: false });
    await crash(container);
    await waitFor("the die to be recorded", async () => (await eventsOf(container.id, "die")).length > 0);
    await quietPeriod();

    expect(await isRunning(container)).toBe(false);
    const row = await stored(container.id);
    expect(row).toMatchObject({ state: "exited", exitCode: 137, healEnabled: false, restartCount: 0 });
    expect((await eventsOf(container.id)).filter((e) => e.source === "healer")).toEqual([]);
  });

  it("stops restarting a crash loop once the budget is spent, and raises the alert", async () => {
    const container = await h.startContainer({ label: "crashloop", heal: true, cmd: ["sh", "-c", "exit 1"] });

    const exhausted = await waitFor("the budget to run out", async () => {
      const row = await stored(container.id);
      return row.healState === "exhausted" ? row : null;
    });
    expect(exhausted.restartCount).toBe(policy.maxRestarts);
    // The backoff doubles from the initial delay with each restart in the window.
    const plans = await eventsOf(container.id, "heal_scheduled");
    expect(plans.map((e) => (e.details as { delayMs: number }).delayMs)).toEqual([200, 400, 800]);
    const [alert] = await eventsOf(container.id, "heal_gave_up");
    expect(alert).toMatchObject({ level: "error", source: "healer" });
    expect(alert?.message).toMatch(/3 restarts within 1 min/);

    const posted = await waitFor("the alert webhook", async () =>
      alerts.received.find((body) => (body as { container?: { id: string } }).container?.id === container.id),
    );
    expect(posted).toMatchObject({ type: "container.heal_gave_up", restarts: 3, reason: "exited" });
    await waitFor(
      "the webhook's outcome in the history",
      async () => (await eventsOf(container.id, "alert_sent")).length,
    );
    // The alert never shows the webhook's path or token.
    expect((await eventsOf(container.id, "alert_sent"))[0]?.message).not.toMatch(/token|hooks/);

    await quietPeriod();
    expect(await isRunning(container)).toBe(false);
    expect((await stored(container.id)).restartCount).toBe(policy.maxRestarts);
  });

  it("never restarts a container an operator stopped, through the engine or through Orbit", async () => {
    // A stop through the engine that has to kill the process (exit 137): Podman sends no kill event for it.
    const stoppedByEngine = await h.startContainer({ label: "stopped", heal: true, cmd: STUBBORN_LOOP });
    const killedByEngine = await h.startContainer({ label: "killed-by-operator", heal: true });
    const stoppedInOrbit = await h.startContainer({
      label: "stopped-in-orbit",
      heal: true,
      cmd: STUBBORN_LOOP,
    });

    await Promise.all([
      stoppedByEngine.stop({ t: 1 }),
      killedByEngine.kill(),
      stopContainer({ actor: operator, containerId: stoppedInOrbit.id, docker: h.docker }),
    ]);
    for (const container of [stoppedByEngine, killedByEngine, stoppedInOrbit]) {
      await waitFor("the die", async () => (await eventsOf(container.id, "die")).length > 0);
    }
    await quietPeriod();

    for (const container of [stoppedByEngine, killedByEngine, stoppedInOrbit]) {
      expect(await isRunning(container)).toBe(false);
      const row = await stored(container.id);
      expect(row).toMatchObject({ healState: "stopped_by_operator", restartCount: 0 });
      expect((await eventsOf(container.id, "die"))[0]?.exitCode).toBe(137);
    }
    const [audit] = await prisma.auditLog.findMany({
      where: { action: "container.stop", targetId: stoppedInOrbit.id },
    });
    expect(audit?.actorLabel).toBe("user:operator@example.test");

    // Started again by someone, the container is looked after again: a crash now is healed.
    await stoppedByEngine.start();
    await waitFor("healing to resume", async () => (await stored(stoppedByEngine.id)).healState === "idle");
    await crash(stoppedByEngine);
    await waitFor("the healer's restart", async () => (await stored(stoppedByEngine.id)).restartCount === 1);
  });

  it("lets operators restart and stop through Orbit (audited), and viewers only look", async () => {
    const container = await h.startContainer({
      label: "operated",
      heal: true,
      cmd: [
        "sh",
        "-c",
        "echo hello from the container; echo trouble >&2; trap 'exit 0' TERM; while true; do sleep 0.2; done",
      ],
    });
    await expect(stopContainer({ actor: viewer, containerId: container.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(restartContainer({ actor: viewer, containerId: container.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await isRunning(container)).toBe(true);

    const logs = await readContainerLogs({ actor: viewer, containerId: container.id, docker: h.docker });
    expect(logs.map((l) => [l.stream, l.text.replace(/^\S+ /, "")])).toEqual(
      expect.arrayContaining([
        ["stdout", "hello from the container"],
        ["stderr", "trouble"],
      ]),
    );
    const [diagnosis] = await diagnoseContainers({
      actor: viewer,
      containerIds: [container.id],
      docker: h.docker,
    });
    expect(diagnosis).toMatchObject({ id: container.id, state: "running", error: null });
    expect(diagnosis?.summary?.labels["orbit.heal"]).toBe("true");
    expect(diagnosis?.logs.some((l) => l.text.endsWith("hello from the container"))).toBe(true);

    await stopContainer({ actor: operator, containerId: container.id, docker: h.docker });
    expect(await isRunning(container)).toBe(false);
    const { started } = await restartContainer({
      actor: operator,
      containerId: container.id,
      docker: h.docker,
    });
    expect(started).toBe(true);
    expect(await isRunning(container)).toBe(true);
    await waitFor("the heal state to be idle", async () => (await stored(container.id)).healState === "idle");
    const actions = await prisma.auditLog.findMany({
      where: { targetId: container.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["container.stop", "container.start"]);
    await quietPeriod();
    expect((await stored(container.id)).restartCount).toBe(0);
  });

  it("restarts a container whose MCP server fails its health checks, and the server is healthy again", async () => {
    const port = await findFreePort();
    const site = await writeBusyboxMcpSite();
    cleanups.push(() => rm(site, { recursive: true, force: true }));
    const slug = `c-${run}-mcp`;
    // httpd runs in the background under sh, so killing it breaks the server while the container keeps running.
    const container = await h.startContainer({
      label: "mcp",
      heal: false,
      labels: { "orbit.server": slug },
      cmd: [
        "sh",
        "-c",
        `httpd -p 127.0.0.1:${port} -h /www; trap 'exit 0' TERM; while true; do sleep 0.2; done`,
      ],
      hostConfig: { NetworkMode: "host", Binds: [`${site}:/www:ro`] },
    });
    const server = await createServer({
      actor: { kind: "cli" },
      input: {
        name: "Busybox MCP",
        slug,
        endpoints: [{ url: `http://127.0.0.1:${port}/cgi-bin/mcp` }],
        timeoutMs: 2000,
      },
    });
    cleanups.push(async () => {
      await prisma.server.deleteMany({ where: { id: server.id } });
      await prisma.auditLog.deleteMany({ where: { targetId: server.id } });
    });
    const endpoint = () => prisma.serverEndpoint.findFirstOrThrow({ where: { serverId: server.id } });
    // "Check now", as an operator would (the worker's health loop stores the same verdicts on its schedule).
    const check = () => checkServerHealth({ actor: operator, serverId: server.id, breaker });
    await waitFor("the server to answer", async () => {
      await check();
      return (await endpoint()).healthStatus === "healthy";
    });

    await exec(container, ["killall", "httpd"]);
    await check();
    expect((await endpoint()).healthStatus).toBe("unreachable");

    const recovered = await waitFor("the server to recover", async () => {
      const [event] = await eventsOf(container.id, "server_recovered");
      return event;
    });
    expect(recovered.message).toMatch(new RegExp(`Server ${slug} answers again: 1 of 1 replicas healthy`));
    const [restart] = await eventsOf(container.id, "heal_restart");
    expect(restart?.details).toMatchObject({ reason: "server_unhealthy" });
    expect((await endpoint()).healthStatus).toBe("healthy");
    expect((await stored(container.id)).restartCount).toBe(1);
    expect((await prisma.server.findUniqueOrThrow({ where: { id: server.id } })).enabled).toBe(true);
  });

  it("hands over to the other worker when the one following the engine stops", async () => {
    const holder = await prisma.containerWatcher.findUniqueOrThrow({ where: { id: h.watcherId } });
    const leader = h.watchers.find((w) => w.workerId === holder.holder);
    if (!leader) throw new Error(`no running watcher holds the lease (${holder.holder})`);
    const container = await h.startContainer({ label: "handover", heal: true });

    await h.stopWatcher(leader);
    h.startWatcher();
    await crash(container);

    await waitFor("the other worker's restart", async () => (await stored(container.id)).restartCount >= 1);
    const [restart] = await eventsOf(container.id, "heal_restart");
    expect(restart?.details).toMatchObject({ reason: "exited" });
    expect(restart?.details).not.toMatchObject({ worker: leader.workerId });
    await quietPeriod();
    expect((await stored(container.id)).restartCount).toBe(1);
  });
});

describeWithEngine("the container watcher when the engine restarts (a Podman service of its own)", () => {
  let own: PodmanService;
  const r = createHarness("restart", async () => {
    own = await startPodmanService();
    return own;
  });

  beforeAll(async () => {
    alerts ??= await startAlertReceiver();
    await r.setUp(1);
  }, 120_000);

  afterAll(() => r.tearDown(), 120_000);

  it("follows the engine again after its service restarts, and heals what died meanwhile", async () => {
    const container = await r.startContainer({ label: "engine-restart", heal: true });
    const { Pid } = (await container.inspect()).State;

    await own.kill();
    // Dies while nobody serves the API: the engine still logs the event, and the watcher replays it.
    await crash(container, Pid);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await own.start();

    await waitFor("the healer's restart", async () => (await stored(container.id)).restartCount >= 1, 30_000);
    expect(await isRunning(container)).toBe(true);
    const later = await r.startContainer({ label: "after-restart", heal: true });
    expect((await stored(later.id)).state).toBe("running");
    expect((await prisma.containerWatcher.findUniqueOrThrow({ where: { id: r.watcherId } })).connected).toBe(
      true,
    );
  }, 60_000);
});
