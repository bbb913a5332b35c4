import type { Locator, Page } from "@playwright/test";

/** /agents (list + form) and /agents/<id> (the same form, filled). */
export class AgentsPage {
  readonly error: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.error = page.getByTestId("agent-error");
    this.form = page.getByRole("form", { name: "Agent" });
  }

  async create(options: { name: string; slug: string; systemPrompt: string; allowedTools: string[] }) {
    await this.page.goto("/agents");
    await this.form.getByLabel("Name", { exact: true }).fill(options.name);
    await this.form.getByLabel("Slug", { exact: true }).fill(options.slug);
    await this.form.getByLabel("System prompt").fill(options.systemPrompt);
    await this.form.getByLabel("Allowed tools").fill(options.allowedTools.join("\n"));
    await this.form.getByRole("button", { name: "Save agent" }).click();
  }

  /** The message under one field, e.g. "allowedTools". */
  fieldError(name: string): Locator {
    return this.page.locator(`#${name}-error`);
  }

  row(slug: string): Locator {
    return this.page.getByTestId(`agent-row-${slug}`);
  }
}
