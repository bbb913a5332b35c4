import { expect, test } from "../fixtures";
import { ApiKeysPage } from "../pages/api-keys-page";
import { AppShell } from "../pages/app-shell";
import { ConfirmDialog } from "../pages/confirm-dialog";
import { ADMIN, uniqueSuffix } from "../support/accounts";
import { recordServerAction, replayServerAction } from "../support/server-actions";

test("an admin creates a key scoped to one server's tools, sees it once, and revokes it", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  await page.goto("/servers");
  await new AppShell(page).navLink("API keys").click();
  await expect(page).toHaveURL(/\/keys$/);

  const keys = new ApiKeysPage(page);
  const name = `ci-${uniqueSuffix()}`;
  const key = await keys.create({
    name,
    scopes: ["metrics"],
    servers: [server.slug],
    allowedTools: [`${server.slug}/echo`, `${server.slug}/get_*`],
    deniedTools: [`${server.slug}/get_env`],
    expires: "2099-01-01",
  });
  expect(key).toMatch(/^orbit_[A-Za-z0-9_-]{43}$/);
  await expect(keys.notice).toContainText("shown only this once");
  await expect(keys.notice.getByRole("button", { name: /^Copy key/ })).toBeVisible();

  const row = keys.row(key.slice(0, 14));
  await expect(row).toContainText(name);
  await expect(row).toContainText(`server:${server.slug}`);
  await expect(row).toContainText("metrics");
  await expect(row).toContainText(`allow: ${server.slug}/echo, ${server.slug}/get_*`);
  await expect(row).toContainText(`deny: ${server.slug}/get_env`);
  await expect(row).toContainText(ADMIN.email);
  await expect(row).toContainText("2099-01-01 00:00:00 UTC");
  await expect(row).toContainText("active");
  // The row shows the prefix, never the rest of the key.
  await expect(row).not.toContainText(key);

  // Gone for good after a reload: only the hash was stored.
  await page.reload();
  await expect(keys.newKey).toHaveCount(0);
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(key);

  await keys.revoke(row);
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await page.reload();
  await expect(row).toContainText("revoked");
});

test("a malformed tool pattern is refused next to its field and creates nothing", async ({ page }) => {
  const keys = new ApiKeysPage(page);
  await keys.goto();
  const name = `bad-${uniqueSuffix()}`;
  await keys.fill({ name, scopes: ["mcp"], allowedTools: ["echo"] });
  await keys.submit.click();
  await expect(keys.form.getByText(/Use <server-slug>\/<tool>/)).toBeVisible();
  await expect(keys.newKey).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});

test("an operator sees no API keys link, is sent to /forbidden, and calling the actions directly is refused", async ({
  adminPage,
  seed,
  signInAs,
}) => {
  // The admin's own clicks reveal the action ids, as the browser's network tab would to anyone.
  const admin = new ApiKeysPage(adminPage);
  await admin.goto();
  await admin.fill({ name: `throwaway-${uniqueSuffix()}`, scopes: ["metrics"] });
  const createKey = await recordServerAction(adminPage, () => admin.submit.click());
  await admin.newKey.waitFor();
  const throwaway = admin.row(((await admin.newKey.textContent()) ?? "").trim().slice(0, 14));
  const revokeKey = await recordServerAction(adminPage, async () => {
    await throwaway.getByRole("button", { name: "Revoke" }).click();
    await new ConfirmDialog(adminPage).accept();
  });
  await expect(throwaway).toContainText("revoked");

  // The key the operator will aim at, made by the admin's own action call so that its id is known.
  const createArgs = createKey.args[0] as Record<string, unknown>;
  const keptName = `kept-${uniqueSuffix()}`;
  const made = await replayServerAction(adminPage, createKey, [{ ...createArgs, name: keptName }]);
  expect(made.result).toMatchObject({ ok: true, data: { name: keptName } });
  const keptId = (made.result.data as { id: string }).id;

  const operator = await signInAs(await seed.user({ role: "operator" }));
  const shell = new AppShell(operator);
  await expect(shell.navLink("Servers")).toBeVisible();
  await expect(shell.navLink("API keys")).toHaveCount(0);
  await operator.goto("/keys");
  await expect(operator).toHaveURL(/\/forbidden$/);
  await expect(operator.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  const forgedName = `forged-${uniqueSuffix()}`;
  const createAttempt = await replayServerAction(operator, createKey, [{ ...createArgs, name: forgedName }]);
  expect(createAttempt.result).toMatchObject({ ok: false, error: { code: "forbidden" } });
  expect(JSON.stringify(createAttempt.result)).not.toContain("orbit_");
  const revokeAttempt = await replayServerAction(operator, revokeKey, [{ apiKeyId: keptId }]);
  expect(revokeAttempt.result).toMatchObject({ ok: false, error: { code: "forbidden" } });

  // Nothing changed, as the admin sees it.
  await admin.goto();
  await expect(adminPage.getByRole("row").filter({ hasText: keptName })).toContainText("active");
  await expect(adminPage.getByRole("row").filter({ hasText: forgedName })).toHaveCount(0);
});
