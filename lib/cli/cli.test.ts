import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/crypto/hash-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { findClosedPort } from "@/lib/test/find-closed-port";
import { runOrbitCli } from "@/lib/test/run-orbit-cli";
import { startEverythingServer } from "@/lib/test/start-everything-server";

// Runs the real `orbit` bin as a child process against the test database, as an operator's script would.
const run = randomUUID().slice(0, 8);
const prisma = getPrisma();
let everything: Awaited<ReturnType<typeof startEverythingServer>>;

const orbit = runOrbitCli;

beforeAll(async () => {
  everything = await startEverythingServer();
});

afterAll(async () => {
  await everything?.stop();
  await prisma.user.deleteMany({ where: { email: { endsWith: `-${run}@example.test` } } });
  await prisma.server.deleteMany({ where: { slug: { startsWith: `cli-${run}` } } });
  await prisma.apiKey.deleteMany({ where: { name: `cli-${run}` } });
});

describe("orbit CLI", () => {
  it("creates a user, and refuses bad input with one line and a non-zero exit", async () => {
    const ok = await orbit(
      "user",
      "create",
      "--email",
      `ada-${run}@example.test`,
      "--password",
      "a long password 1",
      "--role",
      "operator",
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`created operator ada-${run}@example.test`);
    expect(await prisma.user.count({ where: { email: `ada-${run}@example.test` } })).toBe(1);

    const missing = await orbit(
      "user",
      "create",
      "--email",
      `bob-${run}@example.test`,
      "--password",
      "a long password 1",
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("orbit: --role is required");

    const bad = await orbit(
      "user",
      "create",
      "--email",
      "not-an-email",
      "--password",
      "short",
      "--role",
      "god",
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(
      /^orbit: email: Enter a valid email address; password: Use at least 12 characters; role: /,
    );

    const dupe = await orbit(
      "user",
      "create",
      "--email",
      `ADA-${run}@example.test`,
      "--password",
      "a long password 1",
      "--role",
      "viewer",
    );
    expect(dupe.code).toBe(1);
    expect(dupe.stderr.trim()).toBe(`orbit: A user with the email ada-${run}@example.test already exists.`);

    const unknownFlag = await orbit("user", "create", "--nope");
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^orbit: Unknown option '--nope'/);
  });

  it("prints an API key once on stdout and stores only its hash", async () => {
    const result = await orbit("apikey", "create", "--name", `cli-${run}`, "--scopes", "mcp,metrics");
    expect(result.code).toBe(0);
    const key = result.stdout.trim();
    expect(key).toMatch(/^orbit_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiKey.findFirstOrThrow({
      where: { name: `cli-${run}` },
      omit: { hash: false },
    });
    expect(row.hash).toBe(hashApiKey(key));
    expect(key.startsWith(row.prefix)).toBe(true);
    expect(row.scopes).toEqual(["mcp", "metrics"]);
  });

  it("adds a real MCP server with its tools, lists it, and saves nothing for an unreachable URL", async () => {
    const slug = `cli-${run}-everything`;
    const added = await orbit(
      "server",
      "add",
      "--name",
      "Everything",
      "--slug",
      slug,
      "--url",
      everything.url,
      "--header",
      "X-Team: core: blue",
    );
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`^added ${slug} \\(.+\\) with \\d+ tool\\(s\\)`));
    const server = await prisma.server.findUniqueOrThrow({ where: { slug }, include: { tools: true } });
    expect(server.headerNames).toEqual(["X-Team"]);
    expect(server.tools.map((t) => t.name)).toContain("echo");

    const listed = await orbit("server", "list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(slug);

    const port = await findClosedPort();
    const dead = await orbit(
      "server",
      "add",
      "--name",
      "Dead",
      "--slug",
      `cli-${run}-dead`,
      "--url",
      `http://127.0.0.1:${port}/mcp`,
    );
    expect(dead.code).toBe(1);
    expect(dead.stderr.trim()).toMatch(new RegExp(`^orbit: Could not reach http://127\\.0\\.0\\.1:${port}`));
    expect(await prisma.server.count({ where: { slug: `cli-${run}-dead` } })).toBe(0);

    const badHeader = await orbit(
      "server",
      "add",
      "--name",
      "X",
      "--url",
      everything.url,
      "--header",
      "no-colon",
    );
    expect(badHeader.code).toBe(1);
    expect(badHeader.stderr.trim()).toBe('orbit: --header must look like "Name: value", got "no-colon"');
  });
});
