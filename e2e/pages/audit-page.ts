import type { Locator, Page } from "@playwright/test";

/** /audit (admins only): the filterable, keyset-paged audit trail. */
export class AuditPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly filters: Locator;
  readonly olderLink: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Audit log" });
    this.rows = this.table.getByTestId("audit-row");
    this.filters = page.getByRole("form", { name: "Filter audit log" });
    this.olderLink = page.getByRole("link", { name: "Older entries" });
  }

  async goto(query = "") {
    return this.page.goto(`/audit${query}`);
  }

  async filter(options: { actor?: string; action?: string; target?: string }) {
    if (options.actor !== undefined) await this.filters.getByLabel("Actor").fill(options.actor);
    if (options.action !== undefined) await this.filters.getByLabel("Action").selectOption(options.action);
    if (options.target !== undefined)
      await this.filters.getByLabel("Target type").selectOption(options.target);
    await this.filters.getByRole("button", { name: "Apply filters" }).click();
    await this.page.waitForURL(/\/audit\?/);
  }
}
