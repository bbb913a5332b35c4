import type { Locator, Page } from "@playwright/test";

/** /servers: the registry list. */
export class ServersPage {
  readonly addServerLink: Locator;

  constructor(readonly page: Page) {
    this.addServerLink = page.getByRole("link", { name: "Add server" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/servers");
  }

  row(slug: string): Locator {
    return this.page.getByTestId(`server-row-${slug}`);
  }

  async open(slug: string, name: string): Promise<void> {
    await this.row(slug).getByRole("link", { name }).click();
  }
}
