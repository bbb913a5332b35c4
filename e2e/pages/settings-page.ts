import { expect, type Locator, type Page } from "@playwright/test";

/** /settings: the hot configuration form, grouped by area, and the version history with rollback. */
export class SettingsPage {
  readonly form: Locator;
  readonly save: Locator;
  readonly message: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Configuration" });
    this.save = this.form.getByRole("button", { name: "Save as a new version" });
    this.message = this.form.getByLabel("Message (optional)");
    this.history = page.getByRole("list", { name: "Configuration versions" });
  }

  async goto() {
    return this.page.goto("/settings");
  }

  /** A field by its label inside its area's card ("Access" → "IP deny list"). */
  field(area: string, label: string): Locator {
    return this.form.getByRole("region", { name: area }).getByLabel(label, { exact: true });
  }

  /**
   * Types `value` into a field until it holds exactly that: a fill that lands while React is still hydrating the
   * form can have its select-all undone and end up appended to the old value (seen in CI as "198.18.15.92198.18.…").
   */
  async fill(area: string, label: string, value: string): Promise<void> {
    const field = this.field(area, label);
    await expect(async () => {
      await field.fill(value);
      await expect(field).toHaveValue(value, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
  }

  version(version: number): Locator {
    return this.history.getByRole("listitem", { name: `Version ${version}`, exact: true });
  }

  /** The version number the page header says is in force. */
  async currentVersion(): Promise<number> {
    const text = await this.page.getByText(/Hot configuration, version \d+/).textContent();
    return Number(/version (\d+)/.exec(text ?? "")?.[1]);
  }
}
