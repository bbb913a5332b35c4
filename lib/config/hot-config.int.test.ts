import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postFederated } from "@/app/api/mcp/route";
import { GET as getRestServers } from "@/app/api/v1/servers/route";
import type { Actor } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/get-config";
import { getConfigStore } from "@/lib/config/get-config-store";
import { listConfigVersions } from "@/lib/config/list-config-versions";
import { rollbackConfig } from "@/lib/config/rollback-config";
import { saveConfig } from "@/lib/config/save-config";
import { getPrisma } from "@/lib/db/get-prisma";
import { type AppError, isAppError } from "@/lib/errors/app-error";
import { runOrbitCli } from "@/lib/test/run-orbit-cli";
import { startRouteProcess } from "@/lib/test/start-route-process";

// Hot configuration against the real database, Redis (when the run has one) and a second Node process. The test
// database is shared with other files running at the same time, so every version saved here only touches what no
// other test depends on: the IP deny list (with benchmark and shared-address ranges no other test uses) and the allowed hosts
// (only ever widened).

const prisma = getPrisma();
const admin: Actor = { kind: "user", id: randomUUID(), email: "config-admin@example.com", role: "admin" };
const viewer: Actor = { kind: "user", id: randomUUID(), email: "config-viewer@example.com", role: "viewer" };
const operator: Actor = {
  kind: "user",
  id: randomUUID(),
  email: "config-operator@example.com",
  role: "operator",
};

async function currentSettings() {
  return structuredClone((await getConfigStore().refresh()).settings);
}

async function saveDeny(ipDeny: string[], message?: string) {
  const settings = await currentSettings();
  settings.access.ipDeny = ipDeny;
  return saveConfig({ actor: admin, settings, message });
}

async function expectError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error)).toBe(true);
  return error as AppError;
}

let start: Awaited<ReturnType<typeof saveDeny>>;
beforeAll(async () => {
  // Every test starts from a known deny list of its own.
  start = await saveDeny([], "test start");
});

afterAll(async () => {
  await saveDeny([], "test end");
  getConfigStore().stop();
});

// Two ways a save reaches another process: the fan-out (through Redis), and, for an instance that hears nothing
// (no Redis here, so its fan-out is its own), the periodic version check. Each uses its own addresses so their
// per-IP limits never meet.
const instances: { name: string; env: Record<string, string>; net: string }[] = [
  { name: "with Redis (the fan-out)", env: {}, net: "198.18.0" },
  { name: "without Redis (the version check alone)", env: { REDIS_URL: "" }, net: "198.18.1" },
];

describe.each(instances)("a second running instance $name", ({ env, net }) => {
  let instance: Awaited<ReturnType<typeof startRouteProcess>>;
  beforeAll(async () => {
    instance = await startRouteProcess({
      module: "app/api/webhooks/[slug]/route.ts",
      method: "POST",
      prefix: "/api/webhooks/",
      param: "slug",
      env,
    });
  }, 60_000);
  afterAll(() => instance?.stop());

  const post = (ip: string) =>
    fetch(`${instance.origin}/api/webhooks/no-such-${randomUUID().slice(0, 8)}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-real-ip": ip },
      body: "{}",
    });

  async function waitForStatus(ip: string, status: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const response = await post(ip);
      await response.body?.cancel();
      if (response.status === status) return Date.now() - started;
      if (Date.now() - started > 10_000) throw new Error(`still ${response.status} after 10 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it("refuses a newly denied address within 5 s of the save, and lets it in again after a rollback", async () => {
    // Before: an unknown slug is a 404 for everyone (the address passes).
    const before = await post(`${net}.7`);
    expect(before.status).toBe(404);

    const denied = await saveDeny([`${net}.0/24`], "block a test network");
    const appliedMs = await waitForStatus(`${net}.7`, 403);
    expect(appliedMs).toBeLessThan(5_000);
    const refused = await post(`${net}.7`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: "forbidden", message: "Requests from this address are not allowed." },
    });
    // Other addresses are untouched.
    expect((await post("198.19.0.20")).status).toBe(404);

    const rolledBack = await rollbackConfig({ actor: admin, version: denied.version - 1 });
    expect(rolledBack.version).toBe(denied.version + 1);
    expect(await waitForStatus(`${net}.7`, 404)).toBeLessThan(5_000);
  }, 40_000);
});

describe("versions", () => {
  it("saves a version with who, when, the message and a diff, audit-logged, and applies it here at once", async () => {
    const settings = await currentSettings();
    settings.access.ipDeny = ["100.64.0.0/24", "2001:db8::/32"];
    settings.access.allowedHosts = [...settings.access.allowedHosts, "config-test.example"];
    const saved = await saveConfig({ actor: admin, settings, message: "deny docs ranges" });

    const config = await getConfig();
    expect(config.version).toBe(saved.version);
    expect(config.ipAccess.allows("100.64.0.9")).toBe(false);
    expect(config.ipAccess.allows("2001:db8::1")).toBe(false);
    expect(config.ipAccess.allows("198.19.0.1")).toBe(true);
    expect(config.allowedHosts.has("config-test.example")).toBe(true);

    const [latest] = await listConfigVersions({ actor: viewer, limit: 5 });
    expect(latest).toMatchObject({
      version: saved.version,
      actorLabel: "user:config-admin@example.com",
      message: "deny docs ranges",
    });
    expect(latest?.changes).toEqual(
      expect.arrayContaining([
        { path: "access.ipDeny", before: [], after: ["100.64.0.0/24", "2001:db8::/32"] },
        expect.objectContaining({ path: "access.allowedHosts" }),
      ]),
    );
    const audit = await prisma.auditLog.findFirst({
      where: { action: "config.save", targetId: String(saved.version) },
    });
    expect(audit).toMatchObject({ actorId: admin.kind === "user" ? admin.id : null });
    expect(audit?.details).toMatchObject({ message: "deny docs ranges" });
  });

  it("rolls back by saving a new version equal to the old one", async () => {
    const first = await saveDeny(["100.64.1.1"], "one");
    await saveDeny(["100.64.1.2", "100.64.1.3"], "two");
    const rolledBack = await rollbackConfig({ actor: admin, version: first.version });

    const config = await getConfig();
    expect(config.version).toBe(rolledBack.version);
    expect(config.settings.access.ipDeny).toEqual(["100.64.1.1"]);
    const [latest] = await listConfigVersions({ actor: admin, limit: 1 });
    expect(latest).toMatchObject({
      restoredFrom: first.version,
      message: `Rollback to version ${first.version}`,
      changes: [{ path: "access.ipDeny", before: ["100.64.1.2", "100.64.1.3"], after: ["100.64.1.1"] }],
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "config.rollback", targetId: String(rolledBack.version) },
      }),
    ).toBe(1);
    expect((await expectError(rollbackConfig({ actor: admin, version: 999_999 }))).code).toBe("not_found");
  });

  it("refuses invalid settings field by field and saves nothing", async () => {
    const before = (await getConfigStore().refresh()).version;
    const settings = (await currentSettings()) as unknown as Record<string, Record<string, unknown>>;
    settings.toolCalls = { ...settings.toolCalls, retries: "lots", backoffBaseMs: 1000, backoffMaxMs: 10 };
    settings.webhooks = { maxBodyBytes: 10 };
    settings.access = { ...settings.access, ipDeny: "10.0.0.0/8\nnot-an-ip", allowedHosts: "" };
    const error = await expectError(saveConfig({ actor: admin, settings }));
    expect(error.code).toBe("unprocessable");
    const issues = error.details?.issues as { path: string; message: string }[];
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toMatchObject({
      "toolCalls.retries": "Enter a number (retries)",
      "webhooks.maxBodyBytes": "At least 1024 bytes",
      "access.ipDeny.1": "Enter an IP address or CIDR range like 203.0.113.0/24",
      "access.allowedHosts": "Enter at least one host, or *",
    });
    expect((await getConfigStore().refresh()).version).toBe(before);
  });

  it("lets only admins save or roll back; every role reads the history", async () => {
    const before = (await getConfigStore().refresh()).version;
    for (const actor of [viewer, operator]) {
      expect((await expectError(saveConfig({ actor, settings: await currentSettings() }))).code).toBe(
        "forbidden",
      );
      expect((await expectError(rollbackConfig({ actor, version: start.version }))).code).toBe("forbidden");
      expect((await listConfigVersions({ actor, limit: 1 }))[0]?.version).toBe(before);
    }
    expect((await getConfigStore().refresh()).version).toBe(before);
  });

  it("refuses a save made on top of a version that is no longer the newest", async () => {
    const { version } = await getConfigStore().refresh();
    await saveDeny(["100.64.1.4"]);
    const error = await expectError(
      saveConfig({ actor: admin, settings: await currentSettings(), baseVersion: version }),
    );
    expect(error.code).toBe("conflict");
  });
});

describe("the MCP and REST endpoints", () => {
  it("refuse a denied address before looking at the key: JSON-RPC error on MCP, the envelope on REST", async () => {
    await saveDeny(["100.64.2.0/24"]);
    const headers = {
      "x-real-ip": "100.64.2.10",
      host: "localhost",
      authorization: "Bearer orbit_not-a-key",
    };
    const mcp = await postFederated(
      new Request("http://localhost/api/mcp", {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      }),
    );
    expect(mcp.status).toBe(403);
    expect(await mcp.json()).toMatchObject({
      jsonrpc: "2.0",
      error: { message: expect.stringContaining("Requests from this address are not allowed.") },
    });
    const rest = await getRestServers(new Request("http://localhost/api/v1/servers", { headers }));
    expect(rest.status).toBe(403);
    expect(await rest.json()).toMatchObject({ error: { code: "forbidden" } });

    // Another address gets as far as the key check (401: the key is made up).
    const allowed = await getRestServers(
      new Request("http://localhost/api/v1/servers", { headers: { ...headers, "x-real-ip": "100.64.3.10" } }),
    );
    expect(allowed.status).toBe(401);
  });
});

describe("orbit config export / import", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "orbit-config-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("exports the configuration in force and imports a change as a new version", async () => {
    await saveDeny(["100.64.1.5"]);
    const exported = await runOrbitCli("config", "export");
    expect(exported.code).toBe(0);
    const file = JSON.parse(exported.stdout) as {
      version: number;
      settings: Record<string, Record<string, unknown>>;
    };
    expect(file.settings.access?.ipDeny).toEqual(["100.64.1.5"]);
    expect(file.settings.webhooks?.maxBodyBytes).toBe((await getConfig()).settings.webhooks.maxBodyBytes);

    const changed = path.join(dir, "changed.json");
    await writeFile(changed, JSON.stringify({ settings: { access: { ipDeny: ["100.64.1.6/31"] } } }));
    const imported = await runOrbitCli("config", "import", "--file", changed, "--message", "from ci");
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const config = await getConfigStore().refresh();
    expect(imported.stdout).toContain(`saved configuration version ${config.version}`);
    expect(config.settings.access.ipDeny).toEqual(["100.64.1.6/31"]);
    const [latest] = await listConfigVersions({ actor: admin, limit: 1 });
    expect(latest).toMatchObject({ actorLabel: "cli", message: "from ci" });
  });

  it("refuses an invalid file with the field named and saves nothing", async () => {
    const before = (await getConfigStore().refresh()).version;
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ settings: { circuit: { failureThreshold: 0 } } }));
    const imported = await runOrbitCli("config", "import", "--file", bad);
    expect(imported.code).toBe(1);
    expect(imported.stderr.trim()).toBe("orbit: circuit.failureThreshold: At least 1 failures");
    expect((await getConfigStore().refresh()).version).toBe(before);
  });
});
