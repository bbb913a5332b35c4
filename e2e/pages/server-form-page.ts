import type { Locator, Page } from "@playwright/test";

export type NewServer = {
  name: string;
  slug: string;
  endpointUrl: string;
  tags?: string;
  headers?: { name: string; value: string }[];
};

/** /servers/new: the "Add server" form. */
export class ServerFormPage {
  readonly form: Locator;
  readonly name: Locator;
  readonly slug: Locator;
  readonly tags: Locator;
  readonly endpointUrl: Locator;
  readonly fetchTools: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Add server" });
    this.name = this.form.getByLabel("Name", { exact: true });
    this.slug = this.form.getByLabel("Slug", { exact: true });
    this.tags = this.form.getByLabel("Tags", { exact: true });
    this.endpointUrl = this.form.getByLabel("Endpoint URL", { exact: true });
    this.fetchTools = this.form.getByRole("checkbox", { name: /Connect and fetch tools/ });
    this.submit = this.form.getByRole("button", { name: "Add server", exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto("/servers/new");
  }

  async fill(server: NewServer): Promise<void> {
    await this.name.fill(server.name);
    await this.slug.fill(server.slug);
    await this.endpointUrl.fill(server.endpointUrl);
    if (server.tags) await this.tags.fill(server.tags);
    for (const [index, header] of (server.headers ?? []).entries()) {
      await this.form.getByRole("button", { name: "Add header" }).click();
      await this.form.getByLabel(`Header name ${index + 1}`, { exact: true }).fill(header.name);
      await this.form.getByLabel(`Header value ${index + 1}`, { exact: true }).fill(header.value);
    }
  }

  /** Saves and waits for the detail page; resolves with the new server's id. */
  async save(): Promise<string> {
    await this.submit.click();
    await this.page.waitForURL(/\/servers\/(?!new$)[^/?#]+$/);
    return new URL(this.page.url()).pathname.split("/").at(-1)!;
  }
}
