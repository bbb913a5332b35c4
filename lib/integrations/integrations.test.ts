import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import type { AppError } from "@/lib/errors/app-error";
import { createServer } from "@/lib/servers/create-server";
import { createIntegration } from "./create-integration";
import { deleteIntegration } from "./delete-integration";
import { getDeliveryOrThrow } from "./get-delivery-or-throw";
import { getIntegrationOrThrow } from "./get-integration-or-throw";
import type { CreateIntegrationInput } from "./integration-input-schema";
import { listDeliveries } from "./list-deliveries";
import { listIntegrations } from "./list-integrations";
import { openSecrets } from "./open-secrets";
import { replayDelivery } from "./replay-delivery";
import { setIntegrationEnabled } from "./set-integration-enabled";
import { updateIntegration } from "./update-integration";

// Real Postgres from the test setup. Each test seeds its own integrations under one run prefix; all removed at the end.

const run = randomUUID().slice(0, 8);
let counter = 0;
const slug = (label: string) => `ti-${run}-${label}-${++counter}`;

const operator: Actor = { kind: "user", id: randomUUID(), email: "operator@example.test", role: "operator" };
const viewer: Actor = { kind: "user", id: randomUUID(), email: "viewer@example.test", role: "viewer" };
const prisma = getPrisma();
let serverId: string;
let otherServerId: string;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

async function auditFor(targetId: string) {
  return prisma.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } });
}

function input(overrides: Partial<CreateIntegrationInput> = {}): CreateIntegrationInput {
  return {
    name: "GitHub issues",
    slug: slug("gh"),
    kind: "github",
    secrets: ["first-secret-plaintext"],
    routes: [
      {
        name: "Issues",
        match: { eventType: "issues" },
        serverId,
        toolName: "echo",
        argumentsMapping: '{ "message": issue.title }',
      },
    ],
    ...overrides,
  };
}

beforeAll(async () => {
  const server = await createServer({
    actor: operator,
    input: { name: "Echo", slug: `ti-${run}-srv`, endpoints: [{ url: "http://127.0.0.1:9/mcp" }] },
  });
  const other = await createServer({
    actor: operator,
    input: { name: "Backup", slug: `ti-${run}-srv2`, endpoints: [{ url: "http://127.0.0.1:9/b" }] },
  });
  serverId = server.id;
  otherServerId = other.id;
});

afterAll(async () => {
  await prisma.integration.deleteMany({ where: { slug: { startsWith: `ti-${run}-` } } });
  await prisma.server.deleteMany({ where: { slug: { startsWith: `ti-${run}-` } } });
  await prisma.auditLog.deleteMany({
    where: { actorId: { in: [operator, viewer].map((a) => (a.kind === "user" ? a.id : "")) } },
  });
});

describe("creating, editing and deleting", () => {
  it("creates with routes, edits (replacing routes, keeping a kept route's id), toggles, deletes, and audits each", async () => {
    const created = await createIntegration({ actor: operator, input: input({ mode: "sync" }) });
    expect(created).toMatchObject({
      kind: "github",
      mode: "sync",
      enabled: true,
      webhookPath: `/api/webhooks/${created.slug}`,
      secretCount: 1,
      syncDeadlineMs: 8000,
      retrySchedule: [0, 5, 30, 120, 600, 1800],
      reply: null,
    });
    expect(created.routes).toEqual([
      expect.objectContaining({
        position: 0,
        name: "Issues",
        serverId,
        serverName: "Echo",
        toolName: "echo",
        actionType: "call_tool",
        isFallback: false,
      }),
    ]);
    const keptRouteId = created.routes[0]!.id;

    const updated = await updateIntegration({
      actor: operator,
      integrationId: created.id,
      input: {
        name: "GitHub",
        syncDeadlineMs: 2000,
        routes: [
          { name: "Catch-all", isFallback: true, match: {}, serverId, toolName: "echo" },
          {
            id: keptRouteId,
            name: "Issues renamed",
            match: { eventType: "issues" },
            serverId,
            toolName: "echo",
            fallbackServerId: otherServerId,
          },
        ],
      },
    });
    expect(updated).toMatchObject({ name: "GitHub", syncDeadlineMs: 2000, secretCount: 1 });
    expect(updated.routes.map((r) => [r.position, r.name, r.argumentsMapping])).toEqual([
      [0, "Catch-all", "{}"],
      [1, "Issues renamed", "{}"],
    ]);
    expect(updated.routes[1]).toMatchObject({ id: keptRouteId, fallbackServerName: "Backup" });
    expect(await prisma.integrationRoute.count({ where: { integrationId: created.id } })).toBe(2);

    expect(
      (await setIntegrationEnabled({ actor: operator, integrationId: created.id, enabled: false })).enabled,
    ).toBe(false);
    expect(await deleteIntegration({ actor: operator, integrationId: created.id })).toEqual({
      id: created.id,
      slug: created.slug,
    });
    expect(await prisma.integrationRoute.count({ where: { integrationId: created.id } })).toBe(0);

    const audit = await auditFor(created.id);
    expect(audit.map((a) => a.action)).toEqual([
      "integration.create",
      "integration.update",
      "integration.disable",
      "integration.delete",
    ]);
    expect(audit[1]?.details).toMatchObject({
      changes: { name: { from: "GitHub issues", to: "GitHub" }, syncDeadlineMs: { from: 8000, to: 2000 } },
      routes: ["Catch-all", "Issues renamed"],
    });
    expect(
      await rejection(getIntegrationOrThrow({ actor: viewer, integrationId: created.id })),
    ).toMatchObject({
      code: "not_found",
    });
  });

  it("refuses a taken slug and a second fallback route", async () => {
    const first = await createIntegration({ actor: operator, input: input() });
    expect(
      await rejection(createIntegration({ actor: operator, input: input({ slug: first.slug }) })),
    ).toMatchObject({ code: "conflict" });
    const twoFallbacks = await rejection(
      createIntegration({
        actor: operator,
        input: input({
          routes: [
            { name: "A", isFallback: true, match: {}, serverId, toolName: "echo" },
            { name: "B", isFallback: true, match: {}, serverId, toolName: "echo" },
          ],
        }),
      }),
    );
    expect(twoFallbacks).toMatchObject({ code: "unprocessable" });
    expect(twoFallbacks.message).toBe('Route 2 "B" (isFallback): Only one route can be the fallback');
  });
});

describe("secrets", () => {
  it("are stored encrypted, never returned, and rotate by patch: add a second, then remove the first", async () => {
    const created = await createIntegration({ actor: operator, input: input() });
    const raw = async () =>
      (
        await prisma.$queryRaw<{ secretsEncrypted: string }[]>`
          SELECT "secretsEncrypted" FROM "Integration" WHERE id = ${created.id}`
      )[0]!.secretsEncrypted;
    expect(await raw()).toMatch(/^v1\./);
    expect(await raw()).not.toContain("first-secret-plaintext");

    const rotating = await updateIntegration({
      actor: operator,
      integrationId: created.id,
      input: { secrets: [{ op: "add", value: "second-secret-plaintext" }] },
    });
    expect(rotating.secretCount).toBe(2);
    expect(openSecrets(await raw())).toEqual(["first-secret-plaintext", "second-secret-plaintext"]);
    expect(await raw()).not.toContain("second-secret-plaintext");

    const tooMany = await rejection(
      updateIntegration({
        actor: operator,
        integrationId: created.id,
        input: { secrets: [{ op: "add", value: "third" }] },
      }),
    );
    expect(tooMany).toMatchObject({ code: "unprocessable" });

    const rotated = await updateIntegration({
      actor: operator,
      integrationId: created.id,
      input: { secrets: [{ op: "remove", index: 0 }] },
    });
    expect(rotated.secretCount).toBe(1);
    expect(openSecrets(await raw())).toEqual(["second-secret-plaintext"]);

    const listed = (await listIntegrations({ actor: viewer })).find((i) => i.id === created.id);
    const single = await getIntegrationOrThrow({ actor: viewer, integrationId: created.id });
    const audit = await auditFor(created.id);
    for (const value of [created, rotating, listed, single, audit]) {
      const json = JSON.stringify(value);
      expect(json).not.toContain("secret-plaintext");
      expect(json).not.toContain("secretsEncrypted");
    }
    expect(audit[1]?.details).toMatchObject({ secrets: { ops: ["add"], from: 1, to: 2 } });
  });

  it("checks secrets and options with the verifier's schema, and keeps the Respond.io token encrypted", async () => {
    const badStandard = await rejection(
      createIntegration({
        actor: operator,
        input: input({ kind: "standard-webhooks", secrets: ["not-whsec"], routes: [] }),
      }),
    );
    expect(badStandard).toMatchObject({ code: "unprocessable" });
    expect(badStandard.message).toMatch(/^secrets\.0: Expected whsec_/);

    const respond = await createIntegration({
      actor: operator,
      input: input({
        kind: "respondio",
        routes: [],
        replyConfig: { baseUrl: "http://127.0.0.1:9/v2/", token: "reply-token-plaintext" },
      }),
    });
    expect(respond.reply).toEqual({ baseUrl: "http://127.0.0.1:9/v2", channelId: null, tokenSet: true });
    expect(respond.verifyConfig).toMatchObject({ signatureHeader: "x-webhook-signature" });
    const row = await prisma.integration.findUniqueOrThrow({ where: { id: respond.id } });
    expect(JSON.stringify(row.replyConfig)).not.toContain("reply-token-plaintext");

    // A blank token keeps the stored one.
    const edited = await updateIntegration({
      actor: operator,
      integrationId: respond.id,
      input: { replyConfig: { baseUrl: "http://127.0.0.1:9/v3", token: "", channelId: "42" } },
    });
    expect(edited.reply).toEqual({ baseUrl: "http://127.0.0.1:9/v3", channelId: "42", tokenSet: true });
    expect(JSON.stringify(edited)).not.toContain("reply-token-plaintext");
  });
});

describe("invalid routes", () => {
  it.each([
    ["a bad regex", { match: { regex: "(unclosed" } }, /^Route 1 "Broken" \(match\.regex\): /],
    [
      "bad JSONata",
      { argumentsMapping: "{ message: " },
      /^Route 1 "Broken" \(argumentsMapping\): Not a valid JSONata/,
    ],
    ["an unknown server", { serverId: randomUUID() }, /^Route 1 "Broken": the server .* does not exist/],
  ])("%s is unprocessable, names the route, and saves nothing", async (_, change, message) => {
    const s = slug("bad");
    const error = await rejection(
      createIntegration({
        actor: operator,
        input: input({
          slug: s,
          routes: [{ name: "Broken", match: {}, serverId, toolName: "echo", ...change }],
        }),
      }),
    );
    expect(error).toMatchObject({ code: "unprocessable", status: 422 });
    expect(error.message).toMatch(message);
    expect(error.details?.issues).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^routes\.0\./) }),
    ]);
    expect(await prisma.integration.count({ where: { slug: s } })).toBe(0);
  });

  it("an edit with a bad route changes nothing", async () => {
    const created = await createIntegration({ actor: operator, input: input() });
    const error = await rejection(
      updateIntegration({
        actor: operator,
        integrationId: created.id,
        input: {
          name: "Changed",
          routes: [{ name: "Ghost", match: {}, serverId: randomUUID(), toolName: "x" }],
        },
      }),
    );
    expect(error.message).toMatch(/^Route 1 "Ghost": the server/);
    expect(await getIntegrationOrThrow({ actor: viewer, integrationId: created.id })).toEqual(created);
  });
});

describe("authorization", () => {
  it("a viewer cannot create, update, enable, delete or replay, and nothing changes", async () => {
    const created = await createIntegration({ actor: operator, input: input() });
    const delivery = await seedDelivery(created.id, { key: "viewer-1" });
    const s = slug("viewer-new");
    const attempts: (() => Promise<unknown>)[] = [
      () => createIntegration({ actor: viewer, input: input({ slug: s }) }),
      () => updateIntegration({ actor: viewer, integrationId: created.id, input: { name: "Renamed" } }),
      () => setIntegrationEnabled({ actor: viewer, integrationId: created.id, enabled: false }),
      () => deleteIntegration({ actor: viewer, integrationId: created.id }),
      () => replayDelivery({ actor: viewer, deliveryId: delivery.id }),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt())).toMatchObject({ code: "forbidden", status: 403 });
    }
    expect(await prisma.integration.count({ where: { slug: s } })).toBe(0);
    expect(await getIntegrationOrThrow({ actor: viewer, integrationId: created.id })).toEqual(created);
    expect(await prisma.delivery.count({ where: { integrationId: created.id } })).toBe(1);
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(["integration.create"]);
    expect((await listIntegrations({ actor: viewer })).some((i) => i.id === created.id)).toBe(true);
  });
});

async function seedDelivery(
  integrationId: string,
  options: { key: string; status?: "received" | "succeeded" | "failed"; receivedAt?: Date },
) {
  return prisma.delivery.create({
    data: {
      integrationId,
      deliveryKey: options.key,
      eventType: "issues",
      status: options.status ?? "succeeded",
      headers: { "x-github-event": "issues", "x-github-delivery": options.key },
      body: '{"action":"opened"}',
      bodyBytes: 19,
      requestId: randomUUID(),
      receivedAt: options.receivedAt,
    },
  });
}

describe("deliveries", () => {
  it("replay creates a new received delivery linked to the original, and audits it", async () => {
    const created = await createIntegration({ actor: operator, input: input() });
    const original = await seedDelivery(created.id, { key: "gh-1", status: "failed" });
    const replay = await replayDelivery({ actor: operator, deliveryId: original.id });
    expect(replay.replayOfId).toBe(original.id);
    const row = await prisma.delivery.findUniqueOrThrow({ where: { id: replay.id } });
    expect(row).toMatchObject({
      integrationId: created.id,
      status: "received",
      attempts: 0,
      eventType: "issues",
      body: original.body,
      headers: original.headers,
      replayOfId: original.id,
    });
    expect(row.deliveryKey).toMatch(/^gh-1#replay-[0-9a-f-]{36}$/);
    expect(row.requestId).not.toBe(original.requestId);
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("failed");
    expect((await getDeliveryOrThrow({ actor: viewer, deliveryId: original.id })).replays).toEqual([
      { id: replay.id, status: "received", receivedAt: row.receivedAt },
    ]);
    expect((await auditFor(replay.id)).map((a) => [a.action, a.details])).toEqual([
      ["delivery.replay", expect.objectContaining({ replayOf: original.id })],
    ]);
  });

  it("lists newest first, 50 a page, without gaps or repeats (ties on receivedAt included), and filters", async () => {
    const created = await createIntegration({ actor: operator, input: input() });
    const base = Date.now() - 60_000;
    await prisma.delivery.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        integrationId: created.id,
        deliveryKey: `page-${i}`,
        status: i % 3 === 0 ? ("failed" as const) : ("succeeded" as const),
        headers: {},
        body: "{}",
        bodyBytes: 2,
        requestId: randomUUID(),
        // Pairs share a timestamp so the id tie-breaker matters.
        receivedAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listDeliveries({ actor: viewer, integrationId: created.id, cursor });
      sizes.push(page.deliveries.length);
      seen.push(...page.deliveries.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    const rows = await prisma.delivery.findMany({
      where: { integrationId: created.id },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(rows.map((r) => r.id));

    const failed = await listDeliveries({ actor: viewer, integrationId: created.id, status: "failed" });
    expect(failed.deliveries).toHaveLength(40);
    expect(
      failed.deliveries.every((d) => d.status === "failed" && d.integrationName === "GitHub issues"),
    ).toBe(true);
    expect(
      (await listIntegrations({ actor: viewer })).find((i) => i.id === created.id)?.deliveriesLast24h,
    ).toEqual({
      failed: 40,
      succeeded: 80,
    });
    expect(await rejection(listDeliveries({ actor: viewer, cursor: "garbage" }))).toMatchObject({
      code: "bad_request",
    });
  });
});
