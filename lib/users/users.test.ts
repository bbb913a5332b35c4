import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import type { Actor } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { changePassword } from "./change-password";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { updateUser } from "./update-user";

// Integration: real Postgres (or the embedded one), real argon2. Every test makes its own users.
const prisma = getPrisma();
const run = randomUUID().slice(0, 8);
const email = (name: string) => `${name}-${run}@example.test`;
const cli: Actor = { kind: "cli" };

async function makeUser(
  name: string,
  role: "viewer" | "operator" | "admin",
  password = "a long password 123",
) {
  const user = await createUser({ actor: cli, input: { email: email(name), password, role } });
  return { ...user, actor: { kind: "user", id: user.id, email: user.email, role } as Actor };
}

afterAll(async () => {
  await prisma.user.deleteMany({ where: { email: { endsWith: `-${run}@example.test` } } });
});

describe("users", () => {
  it("stores an argon2id hash, never the password, and audits the creation", async () => {
    const user = await makeUser("stored", "viewer");
    expect(user).not.toHaveProperty("passwordHash");
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { passwordHash: false },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("a long password");
    const audit = await prisma.auditLog.findFirst({ where: { action: "user.create", targetId: user.id } });
    expect(audit?.actorLabel).toBe("cli");
  });

  it("normalises email case and refuses a duplicate with a conflict", async () => {
    await makeUser("dupe", "viewer");
    await expect(
      createUser({
        actor: cli,
        input: { email: email("DUPE").toUpperCase(), password: "another long one", role: "viewer" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets only admins create, list and change users; nothing changes on refusal", async () => {
    const operator = await makeUser("op", "operator");
    const viewer = await makeUser("viewer", "viewer");
    const before = await prisma.user.count();
    await expect(
      createUser({
        actor: operator.actor,
        input: { email: email("sneaky"), password: "a long password 123", role: "admin" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsers({ actor: viewer.actor })).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateUser({ actor: operator.actor, userId: viewer.id, change: { role: "admin" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.user.count()).toBe(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("viewer");
  });

  it("signs in with the right password only, and a disabled user not at all, with one generic answer", async () => {
    const admin = await makeUser("admin", "admin");
    const user = await makeUser("signin", "operator", "right password here");
    expect(
      await authenticateUser({ email: user.email.toUpperCase(), password: "right password here" }),
    ).toMatchObject({
      id: user.id,
      role: "operator",
    });
    expect(await authenticateUser({ email: user.email, password: "wrong password here" })).toBeNull();
    expect(await authenticateUser({ email: email("nobody"), password: "right password here" })).toBeNull();
    expect(await authenticateUser({ email: 42, password: undefined })).toBeNull();

    await updateUser({ actor: admin.actor, userId: user.id, change: { disabled: true } });
    expect(await authenticateUser({ email: user.email, password: "right password here" })).toBeNull();
    const reasons = await prisma.auditLog.findMany({
      where: { action: "auth.sign_in_failed", targetId: user.id },
      select: { details: true },
    });
    expect(reasons.map((r) => (r.details as { reason: string }).reason).sort()).toEqual([
      "disabled",
      "wrong_password",
    ]);
  });

  it("never leaves Orbit without an active admin", async () => {
    // Other tests may have created admins; make this one the only active admin for the check.
    const lone = await makeUser("lone", "admin");
    const others = await prisma.user.findMany({
      where: { role: "admin", disabled: false, id: { not: lone.id } },
    });
    await prisma.user.updateMany({
      where: { id: { in: others.map((o) => o.id) } },
      data: { disabled: true },
    });
    try {
      await expect(
        updateUser({ actor: lone.actor, userId: lone.id, change: { role: "viewer" } }),
      ).rejects.toMatchObject({
        code: "conflict",
      });
      await expect(
        updateUser({ actor: lone.actor, userId: lone.id, change: { disabled: true } }),
      ).rejects.toMatchObject({
        code: "conflict",
      });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: lone.id } })).role).toBe("admin");
    } finally {
      await prisma.user.updateMany({
        where: { id: { in: others.map((o) => o.id) } },
        data: { disabled: false },
      });
    }
  });

  it("changes a temporary password only with the current one, and clears the flag", async () => {
    const user = await createUser({
      actor: cli,
      input: { email: email("temp"), password: "temporary password", role: "viewer" },
      temporaryPassword: true,
    });
    const actor: Actor = { kind: "user", id: user.id, email: user.email, role: "viewer" };
    await expect(
      changePassword({ actor, input: { currentPassword: "not it at all", newPassword: "my own password!" } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await changePassword({
      actor,
      input: { currentPassword: "temporary password", newPassword: "my own password!" },
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
    expect(await authenticateUser({ email: user.email, password: "my own password!" })).not.toBeNull();
    expect(await authenticateUser({ email: user.email, password: "temporary password" })).toBeNull();
  });
});
