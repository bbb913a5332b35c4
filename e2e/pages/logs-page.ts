import type { Locator, Page } from "@playwright/test";

/** /logs: the live event stream with its filters, pause/resume and connection status. */
export class LogsPage {
  readonly events: Locator;
  readonly log: Locator;
  readonly connection: Locator;
  readonly pauseButton: Locator;
  readonly resumeButton: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.log = page.getByRole("log", { name: "Live events" });
    this.events = this.log.getByTestId("live-event");
    this.connection = page.getByTestId("live-connection");
    this.pauseButton = page.getByRole("button", { name: "Pause" });
    this.resumeButton = page.getByRole("button", { name: /^Resume/ });
    this.filters = page.getByRole("form", { name: "Live log filters" });
  }

  async goto() {
    await this.page.goto("/logs");
    await this.connection.filter({ hasText: /^Live/ }).waitFor();
  }

  async filter(options: { kind?: string; level?: string; server?: string; text?: string }) {
    if (options.kind !== undefined) await this.filters.getByLabel("Kind").selectOption(options.kind);
    if (options.level !== undefined) await this.filters.getByLabel("Level").selectOption(options.level);
    if (options.server !== undefined) await this.filters.getByLabel("Server").selectOption(options.server);
    if (options.text !== undefined) await this.filters.getByLabel("Text").fill(options.text);
  }
}
