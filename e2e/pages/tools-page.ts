import type { Locator, Page } from "@playwright/test";

/** /tools: the registry across servers, with its filters. */
export class ToolsPage {
  readonly heading: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.filters = page.getByRole("form", { name: "Filter tools" });
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/tools${query ? `?${query}` : ""}`);
  }

  row(serverSlug: string, tool: string): Locator {
    return this.page.getByTestId(`tool-row-${serverSlug}-${tool}`);
  }
}

/** /tools/{id}: one tool, its schemas, overrides and history. */
export class ToolDetailPage {
  readonly heading: Locator;
  readonly overrides: Locator;
  readonly enabled: Locator;
  readonly description: Locator;
  readonly cacheTtl: Locator;
  readonly retry: Locator;
  readonly save: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.overrides = page.getByRole("form", { name: "Overrides" });
    this.enabled = this.overrides.getByRole("checkbox", { name: /Enabled/ });
    this.description = this.overrides.getByLabel("Description shown to MCP clients");
    this.cacheTtl = this.overrides.getByLabel("Cache TTL (seconds)");
    this.retry = this.overrides.getByLabel("Retry policy");
    this.save = this.overrides.getByRole("button", { name: "Save overrides" });
    this.history = page.getByRole("region", { name: /^History/ });
  }

  versions(): Locator {
    return this.page.getByTestId("tool-version");
  }
}
