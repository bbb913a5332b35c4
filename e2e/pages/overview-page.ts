import type { Locator, Page } from "@playwright/test";

export type OverviewRange = "1h" | "6h" | "24h" | "7d" | "30d";

/** / (every role): KPIs, charts and breakdowns for a time range, health of the upstreams. */
export class OverviewPage {
  readonly heading: Locator;
  readonly keyFigures: Locator;
  readonly rangePicker: Locator;
  readonly volumeSummary: Locator;
  readonly latencySummary: Locator;
  readonly upstreamHealth: Locator;
  readonly system: Locator;
  readonly pauseRefresh: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Overview" });
    this.keyFigures = page.getByRole("region", { name: "Key figures" });
    this.rangePicker = page.getByRole("navigation", { name: "Time range" });
    this.volumeSummary = page.getByTestId("volume-chart-summary");
    this.latencySummary = page.getByTestId("latency-chart-summary");
    this.upstreamHealth = page.getByRole("region", { name: "Upstream health" });
    this.system = page.getByRole("region", { name: "System" });
    this.pauseRefresh = page.getByRole("button", { name: "Pause auto-refresh" });
  }

  async goto(range?: string): Promise<void> {
    await this.page.goto(range === undefined ? "/" : `/?range=${encodeURIComponent(range)}`);
  }

  /** The picker's link for a range ("Last hour", "Last 24 hours", …). */
  rangeLink(label: string): Locator {
    return this.rangePicker.getByRole("link", { name: label, exact: true });
  }

  /** A KPI tile's figure, e.g. figure("Success rate"). */
  figure(term: string): Locator {
    return this.keyFigures
      .getByTestId(`kpi-${term.toLowerCase().replaceAll(" ", "-")}`)
      .getByRole("definition")
      .first();
  }

  /** The row named `name` in a breakdown ("By channel", "By server", "By tool", "By integration"). */
  breakdownRow(breakdown: string, name: string): Locator {
    return this.page
      .getByRole("region", { name: breakdown })
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  /** A breakdown row's numbers: requests, success rate, p95, cache hit rate, as shown (once the row is there: a new
   * range streams in behind a skeleton). */
  async rowFigures(row: Locator, timeout?: number): Promise<string[]> {
    await row.waitFor({ timeout });
    return (await row.getByRole("cell").allTextContents()).map((text) => text.trim());
  }
}
