import type { Locator, Page } from "@playwright/test";

export type NewRoute = {
  name: string;
  eventType?: string;
  serverName: string;
  toolName: string;
  arguments?: string;
};

/** /integrations/new and /integrations/{id}/edit: the integration form with its route editor. */
export class IntegrationFormPage {
  readonly form: Locator;
  readonly name: Locator;
  readonly slug: Locator;
  readonly kind: Locator;
  readonly secret: Locator;
  readonly addRoute: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: /^(Add|Edit) integration$/ });
    this.name = this.form.getByLabel("Name", { exact: true });
    this.slug = this.form.getByLabel("Slug", { exact: true });
    this.kind = this.form.getByLabel("Kind", { exact: true });
    this.secret = this.form.getByLabel("Secret", { exact: true });
    this.addRoute = this.form.getByRole("button", { name: "Add route" });
    this.submit = this.form.getByRole("button", { name: /^(Add integration|Save changes)$/ });
  }

  async goto(): Promise<void> {
    await this.page.goto("/integrations/new");
  }

  /** Appends a route and fills it in; `index` is its zero-based position. */
  async fillRoute(index: number, route: NewRoute): Promise<void> {
    const n = index + 1;
    await this.addRoute.click();
    await this.form.getByLabel(`Route ${n} name`, { exact: true }).fill(route.name);
    if (route.eventType)
      await this.form.getByLabel(`Route ${n} Event type`, { exact: true }).fill(route.eventType);
    await this.form
      .getByLabel(`Route ${n} server`, { exact: true })
      .selectOption({ label: route.serverName });
    await this.form.getByLabel(`Route ${n} tool`, { exact: true }).selectOption(route.toolName);
    if (route.arguments)
      await this.form.getByLabel(new RegExp(`^Route ${n} arguments`)).fill(route.arguments);
  }

  /** Saves and waits for the detail page; resolves with the integration's id. */
  async save(): Promise<string> {
    await this.submit.click();
    await this.page.waitForURL(/\/integrations\/(?!new$)[^/?#]+$/);
    return new URL(this.page.url()).pathname.split("/").at(-1)!;
  }
}
