import { expect, test as setup } from "@playwright/test";
import { AppShell } from "../pages/app-shell";
import { LoginPage } from "../pages/login-page";
import { SetupPage } from "../pages/setup-page";
import { ADMIN } from "../support/accounts";
import { ADMIN_STATE } from "../support/paths";

// Runs once, before every spec, on the empty database the web server was started with: the first visitor is sent
// to /setup, creates the admin, signs in, and the session is saved for the specs (playwright.config.ts).
setup("first run: /setup creates the admin, who then signs in", async ({ page }) => {
  await page.goto("/servers");
  await expect(page, "E2E needs an empty database: /setup is offered only while no user exists").toHaveURL(
    /\/setup$/,
  );

  await new SetupPage(page).createAdmin(ADMIN);
  await expect(page).toHaveURL(/\/login\?setup=done$/);
  const login = new LoginPage(page);
  await expect(login.notice).toContainText("Your admin account is ready");

  // Once an account exists, /setup is closed.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);

  await login.attempt(ADMIN.email, ADMIN.password);
  // Signing in lands on the home page, the overview.
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(new AppShell(page).currentUser).toHaveText(ADMIN.email);

  await page.context().storageState({ path: ADMIN_STATE });
});
