import type { Locator, Page } from "@playwright/test";

/** /maintenance: readiness, system info, replica health with "Check now", and the "call a tool" form. */
export class MaintenancePage {
  readonly health: Locator;
  readonly system: Locator;
  readonly callForm: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.health = page.getByRole("region", { name: "Health" });
    this.system = page.getByRole("region", { name: "System" });
    this.callForm = page.getByRole("form", { name: "Call a tool" });
    this.result = page.getByTestId("tool-call-result");
  }

  async goto() {
    await this.page.goto("/maintenance");
  }

  replicas(serverName: string): Locator {
    return this.page.getByRole("region", { name: `Replicas of ${serverName}` });
  }

  async callTool(options: { server: string; tool: string; args: string }) {
    await this.callForm.getByLabel("Server").selectOption({ label: options.server });
    await this.callForm.getByLabel("Tool").fill(options.tool);
    await this.callForm.getByLabel("Arguments (JSON)").fill(options.args);
    await this.callForm.getByRole("button", { name: "Call tool" }).click();
  }
}
