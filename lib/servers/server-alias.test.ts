import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/get-prisma";
import { createServer } from "./create-server";
import { updateServer } from "./update-server";

// Integration: the real database. The alias is what federated names are made of, so it must never move by itself.
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const cli = { kind: "cli" } as const;
const endpoints = [{ url: "http://127.0.0.1:9/mcp" }];

afterAll(async () => {
  await prisma.server.deleteMany({ where: { slug: { startsWith: `alias-${run}` } } });
});

describe("Server.alias", () => {
  it("is the slug at registration, and stays when the slug changes; only an explicit edit moves it", async () => {
    const server = await createServer({
      actor: cli,
      input: { name: "A", slug: `alias-${run}-a`, endpoints },
    });
    expect(server.alias).toBe(`alias-${run}-a`);

    const renamed = await updateServer({
      actor: cli,
      serverId: server.id,
      input: { slug: `alias-${run}-renamed` },
    });
    expect(renamed).toMatchObject({ slug: `alias-${run}-renamed`, alias: `alias-${run}-a` });

    const edited = await updateServer({
      actor: cli,
      serverId: server.id,
      input: { alias: `alias_${run}_x` },
    });
    expect(edited.alias).toBe(`alias_${run}_x`);
  });

  it("refuses an alias another server has, at registration and on edit, naming the field", async () => {
    const first = await createServer({
      actor: cli,
      input: { name: "B", slug: `alias-${run}-b`, alias: `alias-${run}-taken`, endpoints },
    });
    expect(first.alias).toBe(`alias-${run}-taken`);
    // The slug is free but the alias it would default to is not.
    await expect(
      createServer({ actor: cli, input: { name: "C", slug: `alias-${run}-taken`, endpoints } }),
    ).rejects.toMatchObject({ code: "conflict", details: { field: "alias" } });
    const other = await createServer({ actor: cli, input: { name: "D", slug: `alias-${run}-d`, endpoints } });
    await expect(
      updateServer({ actor: cli, serverId: other.id, input: { alias: `alias-${run}-taken` } }),
    ).rejects.toMatchObject({ code: "conflict", details: { field: "alias" } });
    await expect(
      createServer({
        actor: cli,
        input: { name: "E", slug: `alias-${run}-e`, alias: "Bad Alias", endpoints },
      }),
    ).rejects.toThrow(/lowercase/);
  });

  it("defaults to the slug for rows inserted without one (seeds, older scripts)", async () => {
    const row = await prisma.server.create({ data: { slug: `alias-${run}-raw`, name: "raw" } });
    expect(row.alias).toBe(`alias-${run}-raw`);
  });
});
