import type { Locator, Page } from "@playwright/test";
import { ConfirmDialog } from "./confirm-dialog";

/** /containers and /containers/<id>: what the worker's watcher sees, the healer's work, an operator's controls. */
export class ContainersPage {
  readonly diagnoseButton: Locator;
  readonly healHistory: Locator;
  readonly events: Locator;
  readonly restartCount: Locator;
  /** Every control that changes a container; a viewer must see none of them. */
  readonly controls: Record<"Restart" | "Start" | "Stop", Locator>;

  constructor(readonly page: Page) {
    this.diagnoseButton = page.getByRole("button", { name: /^Diagnose/ });
    this.healHistory = page.getByRole("region", { name: "Heal history" });
    this.events = page.getByRole("region", { name: "Events" });
    this.restartCount = page.getByTestId("restart-count");
    const button = (name: string) => page.getByRole("button", { name, exact: true });
    this.controls = { Restart: button("Restart"), Start: button("Start"), Stop: button("Stop") };
  }

  async goto() {
    await this.page.goto("/containers");
  }

  row(name: string): Locator {
    return this.page.getByTestId(`container-row-${name}`);
  }

  restartsOf(name: string): Locator {
    return this.row(name).getByLabel("Restarts by Orbit");
  }

  async open(name: string) {
    await this.row(name).getByRole("link", { name, exact: true }).click();
    await this.page.getByRole("heading", { level: 1, name }).waitFor();
  }

  async choose(name: string) {
    await this.page.getByRole("checkbox", { name: `Choose ${name}` }).check();
  }

  diagnosis(name: string): Locator {
    return this.page.getByRole("region", { name: `Diagnostics: ${name}` });
  }

  /** Clicks a control and accepts its confirmation dialog. */
  async confirm(control: "Restart" | "Start" | "Stop") {
    await this.controls[control].click();
    await new ConfirmDialog(this.page).accept();
  }
}
