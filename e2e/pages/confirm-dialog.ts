import type { Locator, Page } from "@playwright/test";

/** The admin UI's confirmation (components/ui/confirm-dialog.tsx): a modal dialog with Cancel and a named action. */
export class ConfirmDialog {
  readonly dialog: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole("dialog");
    this.cancelButton = this.dialog.getByRole("button", { name: "Cancel", exact: true });
  }

  /** The confirming button ("Delete server", "Revoke"…): the dialog's last. */
  get confirmButton(): Locator {
    return this.dialog.getByRole("button").last();
  }

  async accept(): Promise<void> {
    await this.confirmButton.click();
  }
}
