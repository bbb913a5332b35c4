import type { Locator, Page } from "@playwright/test";

/** The header every signed-in page shares. */
export class AppShell {
  readonly currentUser: Locator;
  readonly signOutButton: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.currentUser = page.getByTestId("current-user");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.nav = page.getByRole("navigation", { name: "Main" });
  }

  navLink(name: "Servers" | "Users" | "API keys" | "Account"): Locator {
    return this.nav.getByRole("link", { name, exact: true });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.waitForURL(/\/login(\?|$)/);
  }
}
