import type { Locator, Page, Response } from "@playwright/test";

export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in" });
    // Inside <main>: Next's route announcer is an empty role="alert" of its own.
    this.error = page.getByRole("main").getByRole("alert");
    this.notice = page.getByRole("main").getByRole("status");
  }

  async goto(): Promise<void> {
    await this.page.goto("/login");
  }

  /** Submits the form and resolves with the credentials POST's answer (the page may still be navigating). */
  async attempt(email: string, password: string): Promise<Response> {
    await this.email.fill(email);
    await this.password.fill(password);
    const [response] = await Promise.all([
      this.page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().endsWith("/api/auth/callback/credentials"),
      ),
      this.submit.click(),
    ]);
    return response;
  }
}
