import type { Locator, Page } from "@playwright/test";
import { ConfirmDialog } from "./confirm-dialog";

/** /servers/<id>: one server, its tools, and (for operators) the buttons that change it. */
export class ServerDetailPage {
  readonly heading: Locator;
  /** Every control that changes the server; a viewer must see none of them. */
  readonly controls: Record<string, Locator>;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    const button = (name: string) => page.getByRole("button", { name, exact: true });
    this.controls = {
      "Test connection": button("Test connection"),
      "Refresh tools": button("Refresh tools"),
      Edit: page.getByRole("link", { name: "Edit", exact: true }),
      Disable: button("Disable"),
      Enable: button("Enable"),
      Delete: button("Delete"),
    };
  }

  async goto(serverId: string) {
    return this.page.goto(`/servers/${serverId}`);
  }

  tool(name: string): Locator {
    return this.page.getByTestId(`tool-${name}`);
  }

  inputSchemaOf(toolName: string): Locator {
    return this.tool(toolName).locator("details pre");
  }

  async expandInputSchema(toolName: string): Promise<void> {
    await this.tool(toolName).getByText("Input schema", { exact: true }).click();
  }

  /** Deletes through the UI, confirming in the dialog; resolves back on /servers. */
  async delete(): Promise<void> {
    await this.controls.Delete!.click();
    await new ConfirmDialog(this.page).accept();
    await this.page.waitForURL(/\/servers$/);
  }
}
