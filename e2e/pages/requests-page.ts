import type { Locator, Page } from "@playwright/test";

/** /requests: the filter form, the history table and its export links; /requests/{id}: one request. */
export class RequestsPage {
  readonly navLink: Locator;
  readonly filters: Locator;
  readonly table: Locator;
  readonly exportCsv: Locator;
  readonly detailHeading: Locator;
  readonly requestId: Locator;
  readonly requestBody: Locator;
  readonly responseBody: Locator;
  readonly keyName: Locator;
  /** The timings card's waterfall: one list item per measured step. */
  readonly steps: Locator;

  constructor(readonly page: Page) {
    this.navLink = page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Requests", exact: true });
    this.filters = page.getByRole("form", { name: "Filter requests" });
    this.table = page.getByRole("table", { name: "Requests" });
    this.exportCsv = page.getByRole("link", { name: "Export CSV" });
    this.detailHeading = page.getByRole("heading", { level: 1 });
    this.requestId = page.getByTestId("request-id");
    this.requestBody = page.getByTestId("request-body");
    this.responseBody = page.getByTestId("response-body");
    this.keyName = page.getByTestId("request-key");
    this.steps = page.getByRole("list", { name: "Steps of this request" });
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/requests${query}`);
  }

  async filter(values: { search?: string; source?: string; server?: string }): Promise<void> {
    if (values.search !== undefined)
      await this.filters.getByLabel("Search", { exact: true }).fill(values.search);
    if (values.source) await this.filters.getByLabel("Source", { exact: true }).selectOption(values.source);
    if (values.server)
      await this.filters.getByLabel("Server", { exact: true }).selectOption({ label: values.server });
    await this.filters.getByRole("button", { name: "Filter" }).click();
  }

  step(name: string): Locator {
    return this.steps.getByRole("listitem").filter({ hasText: name });
  }

  rows(): Locator {
    return this.table.locator("tbody tr");
  }

  async gotoDetail(id: string) {
    return this.page.goto(`/requests/${id}`);
  }
}
