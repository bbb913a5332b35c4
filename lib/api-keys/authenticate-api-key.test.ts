import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { generateApiKey } from "@/lib/crypto/hash-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";

// Integration: keys are created and looked up in the real database, through real Headers objects.
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const created: string[] = [];

async function makeKey(options: { allowedTools?: string[]; deniedTools?: string[] } = {}) {
  const key = await createApiKey({
    actor: { kind: "cli" },
    input: { name: `auth-${run}`, scopes: ["server:everything", "metrics"], ...options },
  });
  created.push(key.id);
  return key;
}

const bearer = (key: string) => new Headers({ authorization: `Bearer ${key}` });

async function refusal(headers: Headers): Promise<AppError> {
  const error = await authenticateApiKey(headers).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterAll(async () => {
  await prisma.apiKey.deleteMany({ where: { id: { in: created } } });
});

describe("authenticateApiKey", () => {
  it("returns a small principal for a Bearer key or an X-API-Key header", async () => {
    const key = await makeKey({ allowedTools: ["everything/echo"], deniedTools: ["everything/get_*"] });
    const principal = await authenticateApiKey(bearer(key.key));
    expect(principal).toEqual({
      id: key.id,
      name: `auth-${run}`,
      scopes: ["server:everything", "metrics"],
      allowedTools: ["everything/echo"],
      deniedTools: ["everything/get_*"],
    });
    expect(await authenticateApiKey(new Headers({ "x-api-key": key.key }))).toEqual(principal);
    // The scheme is case-insensitive, as RFC 9110 says.
    expect(await authenticateApiKey(new Headers({ authorization: `bearer  ${key.key} ` }))).toEqual(
      principal,
    );
  });

  it('says "missing" when no key is sent, and nothing more specific than "invalid or expired" otherwise', async () => {
    for (const headers of [new Headers(), new Headers({ authorization: "Basic dXNlcjpwYXNz" })]) {
      const error = await refusal(headers);
      expect(error.code).toBe("unauthenticated");
      expect(error.status).toBe(401);
      expect(error.message).toMatch(/^Missing API key/);
    }

    const revoked = await makeKey();
    await revokeApiKey({ actor: { kind: "cli" }, apiKeyId: revoked.id });
    const expired = await makeKey();
    await prisma.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const unknown = generateApiKey().key;
    const messages = new Set<string>();
    for (const key of [revoked.key, expired.key, unknown, "not-an-orbit-key", `orbit_${"x".repeat(500)}`]) {
      const error = await refusal(bearer(key));
      expect(error.code, key).toBe("unauthenticated");
      messages.add(error.message);
    }
    expect([...messages]).toEqual(["Invalid or expired API key."]);
  });

  it("records lastUsedAt on first use and then at most once a minute", async () => {
    const key = await makeKey();
    const row = () => prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect((await row()).lastUsedAt).toBeNull();

    await authenticateApiKey(bearer(key.key));
    const first = (await row()).lastUsedAt;
    expect(first).toBeInstanceOf(Date);

    await Promise.all([1, 2, 3, 4, 5].map(() => authenticateApiKey(bearer(key.key))));
    expect((await row()).lastUsedAt).toEqual(first);

    // A minute later, the next request moves it forward once.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(first!.getTime() + 61_000);
      await authenticateApiKey(bearer(key.key));
    } finally {
      vi.useRealTimers();
    }
    const moved = (await row()).lastUsedAt;
    expect(moved!.getTime()).toBeGreaterThanOrEqual(first!.getTime() + 61_000);
  });

  it("refuses a key at once after it is revoked", async () => {
    const key = await makeKey();
    await authenticateApiKey(bearer(key.key));
    await revokeApiKey({ actor: { kind: "cli" }, apiKeyId: key.id });
    expect((await refusal(bearer(key.key))).message).toBe("Invalid or expired API key.");
  });
});
