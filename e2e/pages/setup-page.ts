import type { Locator, Page } from "@playwright/test";

export class SetupPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name", { exact: true });
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.confirm = page.getByLabel("Confirm password", { exact: true });
    this.submit = page.getByRole("button", { name: "Create admin account" });
  }

  async createAdmin(admin: { name: string; email: string; password: string }): Promise<void> {
    await this.name.fill(admin.name);
    await this.email.fill(admin.email);
    await this.password.fill(admin.password);
    await this.confirm.fill(admin.password);
    await this.submit.click();
  }
}
