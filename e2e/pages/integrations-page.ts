import type { Locator, Page } from "@playwright/test";

/** /integrations: the list with webhook URLs. */
export class IntegrationsPage {
  readonly addIntegrationLink: Locator;

  constructor(readonly page: Page) {
    this.addIntegrationLink = page.getByRole("link", { name: "Add integration" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/integrations");
  }

  row(slug: string): Locator {
    return this.page.getByTestId(`integration-row-${slug}`);
  }
}
