import { expect, test } from "../fixtures";
import { AuditPage } from "../pages/audit-page";
import { ADMIN } from "../support/accounts";

test("an admin finds who registered a server by filtering the audit log", async ({ page, seed }) => {
  const server = await seed.server();
  const audit = new AuditPage(page);
  await audit.goto();
  await expect(audit.rows.first()).toBeVisible();

  await audit.filter({ actor: ADMIN.email, action: "server.create", target: "server" });
  // The filters live in the URL, so the filtered trail is a link to share.
  await expect(page).toHaveURL(/[?&]action=server\.create(&|$)/);
  const row = audit.rows.filter({ hasText: server.id });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`user:${ADMIN.email}`);
  await expect(row).toContainText("server.create");
  for (const other of await audit.rows.all()) await expect(other).toContainText("server.create");
});

test("a broken filter link says what is wrong, and only admins may read the trail", async ({
  page,
  seed,
  signInAs,
}) => {
  const audit = new AuditPage(page);
  await audit.goto("?from=yesterday");
  await expect(page.getByRole("alert").filter({ hasText: 'Filter "from"' })).toBeVisible();
  await expect(audit.table).toHaveCount(0);

  const operator = await signInAs(await seed.user({ role: "operator" }));
  await operator.goto("/audit");
  await expect(operator).toHaveURL(/\/forbidden$/);
});
