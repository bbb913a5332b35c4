import type { Locator, Page } from "@playwright/test";
import { ConfirmDialog } from "./confirm-dialog";

export type NewApiKey = {
  name: string;
  /** mcp, metrics, admin: the checkboxes of the same name. */
  scopes?: ("mcp" | "metrics" | "admin")[];
  /** Slugs of registered servers to tick. */
  servers?: string[];
  allowedTools?: string[];
  deniedTools?: string[];
  /** yyyy-mm-dd */
  expires?: string;
};

/** /keys (admins only): the create form, the key shown once, and the key list. */
export class ApiKeysPage {
  readonly form: Locator;
  readonly submit: Locator;
  /** The notice with the new key; present only right after creating one. */
  readonly notice: Locator;
  readonly newKey: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Create an API key" });
    this.submit = this.form.getByRole("button", { name: "Create key" });
    this.notice = page.getByTestId("new-api-key-notice");
    this.newKey = page.getByTestId("new-api-key");
  }

  async goto() {
    return this.page.goto("/keys");
  }

  async fill(key: NewApiKey): Promise<void> {
    await this.form.getByLabel("Name", { exact: true }).fill(key.name);
    for (const scope of key.scopes ?? []) {
      await this.form.getByRole("checkbox", { name: new RegExp(`^${scope} —`) }).check();
    }
    for (const slug of key.servers ?? []) await this.form.getByRole("checkbox", { name: slug }).check();
    if (key.allowedTools) await this.form.getByLabel("Allowed tools").fill(key.allowedTools.join("\n"));
    if (key.deniedTools) await this.form.getByLabel("Denied tools").fill(key.deniedTools.join("\n"));
    if (key.expires) await this.form.getByLabel("Expires").fill(key.expires);
  }

  /** Creates a key through the form; resolves with the key the page shows (once). */
  async create(key: NewApiKey): Promise<string> {
    await this.fill(key);
    await this.submit.click();
    await this.newKey.waitFor();
    return (await this.newKey.textContent())?.trim() ?? "";
  }

  /** A key's row, found by the display prefix (the key's first 14 characters), which the list shows. */
  row(prefix: string): Locator {
    return this.page.getByTestId(`api-key-row-${prefix}`);
  }

  /** Revokes through the row's button, confirming in the dialog it opens. */
  async revoke(row: Locator): Promise<void> {
    await row.getByRole("button", { name: "Revoke" }).click();
    await new ConfirmDialog(this.page).accept();
  }
}
