import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { listServerCollisions } from "./list-server-collisions";
import { setServerEnabled } from "./set-server-enabled";

// Integration: the real registry. Two servers whose alias and tool names join into the same federated name, the
// case the server pages must show (the endpoint leaves both tools out rather than rename either).
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const viewer = { kind: "user", id: randomUUID(), email: "viewer@example.test", role: "viewer" } as const;
const name = `col${run}__b__c`;
const ids = { a: "", b: "", c: "" };

async function server(key: keyof typeof ids, alias: string, tools: string[]) {
  const created = await prisma.server.create({
    data: {
      slug: `col-${run}-${key}`,
      alias,
      name: `Collision ${key}`,
      endpoints: { create: [{ url: "http://127.0.0.1:9/mcp" }] },
      tools: { create: tools.map((tool) => ({ name: tool, inputSchema: { type: "object" } })) },
    },
  });
  ids[key] = created.id;
}

beforeAll(async () => {
  await server("a", `col${run}`, ["b__c", "echo"]);
  await server("b", `col${run}__b`, ["c"]);
  await server("c", `col${run}-other`, ["c"]);
});

afterAll(async () => {
  await prisma.server.deleteMany({ where: { slug: { startsWith: `col-${run}` } } });
});

describe("listServerCollisions", () => {
  it("lists each federated name two enabled servers produce, with every claimant", async () => {
    const all = await listServerCollisions({ actor: viewer });
    const mine = all.filter((collision) => collision.federatedName.includes(run));
    expect(mine).toEqual([
      {
        federatedName: name,
        claims: expect.arrayContaining([
          { serverId: ids.a, slug: `col-${run}-a`, alias: `col${run}`, tool: "b__c" },
          { serverId: ids.b, slug: `col-${run}-b`, alias: `col${run}__b`, tool: "c" },
        ]),
      },
    ]);
    expect(mine[0]!.claims).toHaveLength(2);
  });

  it("gives one server's collisions with its own tool and the other claimants; none for a bystander", async () => {
    expect(await listServerCollisions({ actor: viewer, serverId: ids.a })).toEqual([
      expect.objectContaining({
        federatedName: name,
        tool: "b__c",
        others: [{ serverId: ids.b, slug: `col-${run}-b`, alias: `col${run}__b`, tool: "c" }],
      }),
    ]);
    expect(await listServerCollisions({ actor: viewer, serverId: ids.c })).toEqual([]);
  });

  it("clears once one of the servers is disabled: it is no longer on the federated endpoint", async () => {
    await setServerEnabled({ actor: { kind: "cli" }, serverId: ids.b, enabled: false });
    expect(await listServerCollisions({ actor: viewer, serverId: ids.a })).toEqual([]);
  });
});
