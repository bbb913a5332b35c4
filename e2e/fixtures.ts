import { test as base, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { ServerDetailPage } from "./pages/server-detail-page";
import { type NewServer, ServerFormPage } from "./pages/server-form-page";
import { type Role, UsersPage } from "./pages/users-page";
import { type Credentials, uniqueEmail, uniqueSuffix } from "./support/accounts";
import { ADMIN_STATE } from "./support/paths";

export type SeededServer = { id: string; name: string; slug: string };

type Fixtures = {
  /** The Streamable HTTP URL of the reference MCP server started by global-setup.ts. */
  everythingUrl: string;
  /** An admin's browser tab of its own, for seeding through the UI without touching the test's `page`. */
  adminPage: Page;
  /** Creates what a spec needs, through the admin UI, as a user would. */
  seed: {
    user(options: { role: Role }): Promise<Credentials>;
    server(options?: Partial<NewServer>): Promise<SeededServer>;
  };
  /** A new browser context signed in through /login as `user`; closed after the test. */
  signInAs(user: Credentials): Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern
  everythingUrl: async ({}, use) => {
    const url = process.env.E2E_EVERYTHING_URL;
    if (!url)
      throw new Error("E2E_EVERYTHING_URL is unset: run through e2e/playwright.config.ts (global setup)");
    await use(url);
  },

  adminPage: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL, storageState: ADMIN_STATE });
    await use(await context.newPage());
    await context.close();
  },

  seed: async ({ adminPage, everythingUrl }, use) => {
    await use({
      async user({ role }) {
        const users = new UsersPage(adminPage);
        const email = uniqueEmail(role);
        const password = `temporary-${uniqueSuffix()}-password`;
        await users.goto();
        const shown = await users.invite({ email, role, password });
        if (shown !== password) throw new Error(`the invite page showed "${shown}", not the typed password`);
        return { email, password };
      },
      async server(options = {}) {
        const slug = options.slug ?? `everything-${uniqueSuffix()}`;
        const server = { name: `Everything ${slug}`, endpointUrl: everythingUrl, ...options, slug };
        const form = new ServerFormPage(adminPage);
        await form.goto();
        await form.fill(server);
        const id = await form.save();
        // Saved with "Connect and fetch tools", so its tools are listed before the detail page renders.
        await new ServerDetailPage(adminPage).tool("echo").waitFor();
        return { id, name: server.name, slug };
      },
    });
  },

  signInAs: async ({ browser, baseURL }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (user) => {
      const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
      contexts.push(context);
      const page = await context.newPage();
      const login = new LoginPage(page);
      await login.goto();
      const response = await login.attempt(user.email, user.password);
      if (!response.ok()) throw new Error(`signing in as ${user.email} answered ${response.status()}`);
      await page.waitForURL((url) => url.pathname !== "/login");
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from "@playwright/test";
