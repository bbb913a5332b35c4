import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { runOrbitCli } from "@/lib/test/run-orbit-cli";

// Runs the real `orbit` bin as a child process against the test database, as an operator's script would.
const run = randomUUID().slice(0, 8);
const prisma = getPrisma();
let dir: string;
let serverId: string;
let serverSlug: string;

const orbit = runOrbitCli;

async function file(name: string, content: unknown): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "orbit-cli-integration-"));
  const server = await prisma.server.create({
    data: {
      slug: `cli-int-${run}-srv`,
      name: "Echo",
      endpoints: { create: [{ url: "http://127.0.0.1:9/mcp" }] },
    },
  });
  serverId = server.id;
  serverSlug = server.slug;
});

afterAll(async () => {
  await prisma.integration.deleteMany({ where: { slug: { startsWith: `cli-int-${run}` } } });
  await prisma.server.deleteMany({ where: { slug: { startsWith: `cli-int-${run}` } } });
  await rm(dir, { recursive: true, force: true });
});

describe("orbit integration", () => {
  it("adds an integration with routes from a file, prints its webhook URL, and lists it", async () => {
    const slug = `cli-int-${run}-gh`;
    const ok = await orbit(
      "integration",
      "add",
      "--file",
      await file("ok.json", {
        name: "GitHub from CLI",
        slug,
        kind: "github",
        mode: "async",
        secrets: ["cli-secret-value"],
        routes: [
          {
            name: "Issues",
            match: { eventType: "issues" },
            // Files may name the server by slug; it is stored as the server's id.
            serverId: serverSlug,
            toolName: "echo",
            argumentsMapping: '{ "message": issue.title }',
          },
        ],
      }),
    );
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`webhook URL: http://localhost:\\d+/api/webhooks/${slug}\n`));
    const stored = await prisma.integration.findUniqueOrThrow({ where: { slug }, include: { routes: true } });
    expect(stored.routes.map((r) => [r.name, r.serverId])).toEqual([["Issues", serverId]]);
    expect(stored.secretsEncrypted).not.toContain("cli-secret-value");

    const listed = await orbit("integration", "list", "--json");
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as { slug: string; webhookPath: string; secretCount: number }[];
    expect(rows.find((r) => r.slug === slug)).toMatchObject({
      webhookPath: `/api/webhooks/${slug}`,
      secretCount: 1,
    });
    expect(listed.stdout).not.toContain("cli-secret-value");

    const plain = await orbit("integration", "list");
    expect(plain.stdout).toMatch(
      new RegExp(`${slug}\\s+github\\s+async\\s+enabled\\s+1 routes\\s+/api/webhooks/${slug}`),
    );
  });

  it("a bad file is one line on stderr and exit 1, and saves nothing", async () => {
    const slug = `cli-int-${run}-bad`;
    const cases = [
      [path.join(dir, "missing.json"), /^orbit: cannot read .*missing\.json: no such file$/],
      [await file("broken.json", "{ not json"), /^orbit: .*broken\.json is not valid JSON: /],
      [
        await file("bad-route.json", {
          name: "Bad",
          slug,
          kind: "github",
          secrets: ["s"],
          routes: [{ name: "Ghost", match: {}, serverId: randomUUID(), toolName: "echo" }],
        }),
        /^orbit: routes\.0\.serverId: Route 1 "Ghost": the server .* does not exist/,
      ],
    ] as const;
    for (const [target, message] of cases) {
      const result = await orbit("integration", "add", "--file", target);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
    }
    expect(await prisma.integration.count({ where: { slug } })).toBe(0);
  });
});
