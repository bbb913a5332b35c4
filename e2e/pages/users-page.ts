import type { Locator, Page } from "@playwright/test";

export type Role = "viewer" | "operator" | "admin";

/** /users (admins only): the invite form and the user list. */
export class UsersPage {
  readonly form: Locator;
  readonly temporaryPassword: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Invite a user" });
    this.temporaryPassword = page.getByTestId("temporary-password");
  }

  async goto(): Promise<void> {
    await this.page.goto("/users");
  }

  /** Creates a user; resolves with the temporary password the page shows (the typed one, or a generated one). */
  async invite(user: { email: string; name?: string; role: Role; password?: string }): Promise<string> {
    await this.form.getByLabel("Email", { exact: true }).fill(user.email);
    if (user.name) await this.form.getByLabel("Name", { exact: true }).fill(user.name);
    await this.form.getByLabel("Role", { exact: true }).selectOption(user.role);
    if (user.password) await this.form.getByLabel("Temporary password", { exact: true }).fill(user.password);
    await this.form.getByRole("button", { name: "Create user" }).click();
    await this.temporaryPassword.waitFor();
    return (await this.temporaryPassword.textContent())?.trim() ?? "";
  }

  row(email: string): Locator {
    return this.page.getByTestId(`user-row-${email}`);
  }
}
