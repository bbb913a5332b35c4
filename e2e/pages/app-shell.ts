import type { Locator, Page } from "@playwright/test";

export type ThemeChoice = "System" | "Light" | "Dark";

/** The header every signed-in page shares, with the main navigation (a sidebar, or behind Menu below 1280 px). */
export class AppShell {
  readonly currentUser: Locator;
  readonly signOutButton: Locator;
  readonly nav: Locator;
  /** Shown below 1280 px, where the navigation is folded away. */
  readonly menuButton: Locator;
  readonly themeSelect: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.currentUser = page.getByTestId("current-user");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.menuButton = page.getByRole("button", { name: "Menu" });
    this.themeSelect = page.getByRole("combobox", { name: "Theme" });
    this.skipLink = page.getByRole("link", { name: "Skip to content" });
    this.main = page.locator("main#main");
  }

  navLink(name: "Servers" | "Users" | "API keys" | "Account" | (string & {})): Locator {
    return this.nav.getByRole("link", { name, exact: true });
  }

  /** Every page the navigation offers, as paths. */
  async navPaths(): Promise<string[]> {
    // Folded away below 1280 px, so hidden ones count too.
    return this.page
      .getByRole("navigation", { name: "Main", includeHidden: true })
      .getByRole("link", { includeHidden: true })
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  }

  async chooseTheme(theme: ThemeChoice): Promise<void> {
    await this.themeSelect.selectOption({ label: theme });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.waitForURL(/\/login(\?|$)/);
  }
}
