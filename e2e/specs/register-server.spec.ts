import { expect, test } from "../fixtures";
import { AppShell } from "../pages/app-shell";
import { LoginPage } from "../pages/login-page";
import { ServerDetailPage } from "../pages/server-detail-page";
import { ServerFormPage } from "../pages/server-form-page";
import { ServersPage } from "../pages/servers-page";
import { ADMIN, uniqueSuffix } from "../support/accounts";

test("an admin adds server-everything, sees its echo tool and input schema, then signs out", async ({
  page,
  everythingUrl,
  browser,
  baseURL,
  signInAs,
}) => {
  const slug = `everything-${uniqueSuffix()}`;
  const name = `Everything ${slug}`;
  const servers = new ServersPage(page);
  const shell = new AppShell(page);

  await servers.goto();
  await expect(shell.currentUser).toHaveText(ADMIN.email);
  await servers.addServerLink.click();
  await expect(page).toHaveURL(/\/servers\/new$/);

  const form = new ServerFormPage(page);
  await expect(form.fetchTools).toBeChecked();
  await form.fill({
    name,
    slug,
    endpointUrl: everythingUrl,
    tags: "e2e, reference",
    headers: [{ name: "X-Orbit-E2E", value: "header-secret-value" }],
  });
  await form.save();

  const detail = new ServerDetailPage(page);
  await expect(detail.heading).toHaveText(name);
  await expect(page.getByText(everythingUrl)).toBeVisible();
  // A stored header is named, its value never shown again.
  await expect(page.getByText("X-Orbit-E2E: set")).toBeVisible();
  await expect(page.getByText("header-secret-value")).toHaveCount(0);

  await expect(detail.tool("echo")).toBeVisible();
  await expect(detail.inputSchemaOf("echo")).toBeHidden();
  await detail.expandInputSchema("echo");
  await expect(detail.inputSchemaOf("echo")).toBeVisible();
  await expect(detail.inputSchemaOf("echo")).toContainText('"message"');

  await servers.goto();
  await expect(servers.row(slug)).toContainText(name);

  // Signing out revokes the session, so this part uses a session of its own rather than the shared admin state.
  const own = await signInAs(ADMIN);
  const ownShell = new AppShell(own);
  await own.goto("/servers");
  await expect(ownShell.currentUser).toHaveText(ADMIN.email);
  // A copy of the session cookie taken before signing out must not outlive the sign-out.
  const copiedCookies = await own.context().cookies();
  await ownShell.signOut();
  await own.goto("/servers");
  await expect(own).toHaveURL(/\/login\?callbackUrl=%2Fservers$/);
  await expect(new LoginPage(own).submit).toBeVisible();

  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(copiedCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/servers");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
});
