import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { runOrbitCli } from "@/lib/test/run-orbit-cli";

// Runs the real `orbit` bin as a child process against the test database, as an operator's script would.
const run = randomUUID().slice(0, 8);
const prisma = getPrisma();

const orbit = runOrbitCli;

afterAll(async () => {
  await prisma.apiKey.deleteMany({ where: { name: { startsWith: `apikey-cli-${run}` } } });
});

describe("orbit apikey", () => {
  it("creates a key with tool lists and expiry, lists it without the key, and revokes it idempotently", async () => {
    const name = `apikey-cli-${run}`;
    const created = await orbit(
      "apikey",
      "create",
      "--name",
      name,
      "--scopes",
      "server:everything",
      "--allow-tools",
      "everything/echo, everything/get_*",
      "--deny-tools",
      "everything/get_env",
      "--expires",
      "2099-01-01T00:00:00Z",
    );
    expect(created.stderr).toMatch(/store it now, it is not shown again/);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^orbit_[A-Za-z0-9_-]{43}$/);
    const principal = await authenticateApiKey(new Headers({ authorization: `Bearer ${key}` }));
    expect(principal).toMatchObject({
      name,
      scopes: ["server:everything"],
      allowedTools: ["everything/echo", "everything/get_*"],
      deniedTools: ["everything/get_env"],
    });

    const json = await orbit("apikey", "list", "--json");
    expect(json.code).toBe(0);
    expect(json.stdout).not.toContain(key);
    expect(json.stdout).not.toContain('"hash"');
    const rows = JSON.parse(json.stdout) as { id: string; name: string; status: string; expiresAt: string }[];
    expect(rows.find((r) => r.id === principal.id)).toMatchObject({
      name,
      status: "active",
      createdBy: "cli",
      expiresAt: "2099-01-01T00:00:00.000Z",
    });

    const plain = await orbit("apikey", "list");
    const line = plain.stdout.split("\n").find((l) => l.startsWith(principal.id));
    expect(line).toMatch(
      new RegExp(
        `^${principal.id}  orbit_.{8}…  ${name}\\s+active\\s+scopes=server:everything  allow=everything/echo,everything/get_\\*  deny=everything/get_env  expires=2099-01-01T00:00:00.000Z  last-used=`,
      ),
    );
    expect(plain.stdout).not.toContain(key);

    const revoked = await orbit("apikey", "revoke", "--id", principal.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^revoked key ${name} \\(orbit_.{8}…\\)`));
    // The CLI is another process: a running instance that used the key refuses it within LOOKUP_TTL_MS.
    await vi.waitFor(
      () =>
        expect(authenticateApiKey(new Headers({ "x-api-key": key }))).rejects.toMatchObject({
          code: "unauthenticated",
        }),
      { timeout: LOOKUP_TTL_MS + 1_000, interval: 250 },
    );

    const again = await orbit("apikey", "revoke", "--id", principal.id);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/was already revoked at \d{4}-/);
    expect(await prisma.auditLog.count({ where: { action: "apikey.revoke", targetId: principal.id } })).toBe(
      1,
    );
    expect((await orbit("apikey", "list")).stdout).toMatch(new RegExp(`^${principal.id} .* revoked `, "m"));
  });

  it("refuses bad input with one line on stderr and a non-zero exit, creating nothing", async () => {
    const name = `apikey-cli-${run}-bad`;
    const cases: [string[], RegExp][] = [
      [["revoke"], /^orbit: --id is required$/],
      [["revoke", "--id", randomUUID()], /^orbit: No such API key\.$/],
      [
        ["create", "--name", name, "--scopes", "mcp", "--deny-tools", "echo"],
        /^orbit: deniedTools\.0: Use <server-slug>\/<tool>/,
      ],
      [
        ["create", "--name", name, "--scopes", "server:a", "--allow-tools", "b/echo"],
        /^orbit: allowedTools\.0: "b\/echo" names the server b, which the scopes do not include/,
      ],
      [
        ["create", "--name", name, "--scopes", "mcp", "--expires", "2001-01-01"],
        /^orbit: expiresAt: Expiry must be in the future$/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await orbit("apikey", ...args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stdout).toBe("");
    }
    expect(await prisma.apiKey.count({ where: { name } })).toBe(0);
  });
});
