import type { Locator, Page } from "@playwright/test";

/** /chat: a conversation with an integration or a tool, kept in the page. */
export class ChatPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly log: Locator;
  readonly send: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.form = page.getByRole("form", { name: "Send a message" });
    this.log = page.getByTestId("chat-log");
    this.send = this.form.getByRole("button", { name: "Send" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/chat");
  }

  /** `label` as the picker shows it: "<name> (<kind>, <mode>)". */
  async toIntegration(label: string, text: string): Promise<void> {
    await this.form.getByLabel("An integration (as a webhook)").check();
    await this.form.getByLabel("Integration", { exact: true }).selectOption({ label });
    await this.form.getByLabel("Message").fill(text);
    await this.send.click();
  }

  async toTool(serverLabel: string, tool: string, args: string): Promise<void> {
    await this.form.getByLabel("A tool directly").check();
    await this.form.getByLabel("Server").selectOption({ label: serverLabel });
    await this.form.getByLabel("Tool", { exact: true }).selectOption(tool);
    await this.form.getByLabel("Arguments (JSON)").fill(args);
    await this.send.click();
  }

  turns(): Locator {
    return this.page.getByTestId("chat-turn");
  }
}
