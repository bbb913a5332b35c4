import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { CONFIG_CHANGED_TOPIC } from "@/lib/config/create-config-store";
import { getPrisma } from "@/lib/db/get-prisma";
import { recordContainerEvent } from "@/lib/docker/record-container-event";
import { checkServerHealth } from "@/lib/health/check-server-health";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { registerTestServer } from "@/lib/test/register-test-server";
import { bridgeConfigChanges } from "./bridge-config-changes";
import { getLiveLog } from "./get-live-log";
import type { LiveEvent } from "./live-event";

// Integration: the real database and the process's live log (Redis when the run has one). What an operator would
// see on /logs when a replica goes down or a container dies.
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const operator: Actor = { kind: "user", id: `op-${run}`, email: "op@example.test", role: "operator" };
const containerId = `live${run}`.padEnd(64, "0");
const slug = `live-health-${run}`;

afterAll(async () => {
  await prisma.container.deleteMany({ where: { id: containerId } });
  await prisma.server.deleteMany({ where: { slug } });
});

/** Producers publish without waiting; poll briefly. Other suites share the stream, so the newest 1,000 are read. */
async function findEvent(match: (event: LiveEvent) => boolean): Promise<LiveEvent | undefined> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const found = (await getLiveLog().readLatest(1_000)).find(match);
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("live-log producers", () => {
  it("a replica whose health changes shows up as a warning naming the server", async () => {
    const server = await registerTestServer({ slug, url: `http://127.0.0.1:${await findClosedPort()}/mcp` });
    const [outcome] = await checkServerHealth({ actor: operator, serverId: server.id });
    expect(outcome?.status).toBe("unreachable");
    const event = await findEvent((e) => e.kind === "health" && e.server === slug);
    expect(event).toMatchObject({ level: "warn", data: { from: "unknown", to: "unreachable" } });
    expect(event?.message).toContain("unknown → unreachable");
  });

  it("a configuration change shows up once, however many times it is heard", async () => {
    bridgeConfigChanges();
    // A version no table holds (the config suites own the real ones): the line names it without an author.
    const version = 900_000_000 + Math.floor(Math.random() * 99_999_999);
    await getEventFanout().publish(CONFIG_CHANGED_TOPIC, { version });
    await getEventFanout().publish(CONFIG_CHANGED_TOPIC, { version });
    const event = await findEvent((e) => e.kind === "config" && e.data?.version === version);
    expect(event?.message).toBe(`Configuration version ${version} saved`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const copies = (await getLiveLog().readLatest(1_000)).filter((e) => e.data?.version === version);
    expect(copies).toHaveLength(1);
  });

  it("a container event shows up with its kind and message", async () => {
    await prisma.container.create({
      data: { id: containerId, name: `live-${run}`, image: "busybox", state: "exited" },
    });
    await recordContainerEvent(prisma, {
      containerId,
      source: "engine",
      kind: "die",
      level: "warn",
      message: "Exited with code 137",
      exitCode: 137,
    });
    const event = await findEvent((e) => e.kind === "container" && e.data?.containerId === containerId);
    expect(event).toMatchObject({ level: "warn", data: { exitCode: 137, source: "engine" } });
    expect(event?.message).toBe(`${containerId.slice(0, 12)} die: Exited with code 137`);
  });
});
